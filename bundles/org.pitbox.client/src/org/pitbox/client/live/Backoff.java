package org.pitbox.client.live;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Reconnect delays: exponential from min up to max, with full jitter (a uniform delay up to the cap). */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int attempts;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max");
        }
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** From half a second up to 30 s, with the default random generator. */
    public static Backoff defaults() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), RandomGenerator.getDefault());
    }

    /** The cap of the next delay: min, 2 min, 4 min, ... up to max. */
    public synchronized long capMillis() {
        return attempts >= 40 ? maxMillis : Math.min(maxMillis, minMillis << attempts);
    }

    /** The next delay, uniform in [0, cap]; each call doubles the cap. */
    public synchronized long nextMillis() {
        long cap = capMillis();
        attempts++;
        return Math.min(cap, (long) (random.nextDouble() * (cap + 1)));
    }

    /** After a successful connection: start again from min. */
    public synchronized void reset() {
        attempts = 0;
    }
}
