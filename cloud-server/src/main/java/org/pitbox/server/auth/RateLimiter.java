package org.pitbox.server.auth;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pitbox.server.http.ApiException;

/**
 * Token buckets per key (an IP, an email, ...): {@code perMinute} requests in a burst, refilled evenly over a
 * minute. Full buckets are forgotten so the map stays small.
 */
public final class RateLimiter {
    private static final int SWEEP_AT = 10_000;

    private final double capacity;
    private final double perNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int perMinute, Clock clock) {
        this.capacity = perMinute;
        this.perNano = perMinute / 60e9;
        this.clock = clock;
    }

    /** Takes one token for {@code key}, or answers 429 with Retry-After in whole seconds. */
    public void acquire(String key) {
        Bucket b = bucket(key);
        synchronized (b) {
            check(b);
            b.tokens -= 1;
        }
    }

    /** Answers 429 when {@code key} has no token left, without taking one. */
    public void check(String key) {
        check(bucket(key));
    }

    /** Takes one token for {@code key} if it has one; never refuses. */
    public void take(String key) {
        Bucket b = bucket(key);
        synchronized (b) {
            b.tokens = Math.max(0, b.tokens - 1);
        }
    }

    private Bucket bucket(String key) {
        long now = nanos();
        if (buckets.size() > SWEEP_AT) {
            buckets.values().removeIf(b -> refill(b, now) >= capacity);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        refill(b, now);
        return b;
    }

    private void check(Bucket b) {
        synchronized (b) {
            if (b.tokens < 1) {
                long wait = (long) Math.ceil((1 - b.tokens) / perNano / 1e9);
                throw new ApiException(429, "rate_limited", "too many requests; retry in " + wait + " s",
                        Map.of("Retry-After", Long.toString(Math.max(1, wait))));
            }
        }
    }

    private double refill(Bucket b, long now) {
        synchronized (b) {
            if (now > b.at) {
                b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perNano);
                b.at = now;
            }
            return b.tokens;
        }
    }

    private long nanos() {
        var t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
