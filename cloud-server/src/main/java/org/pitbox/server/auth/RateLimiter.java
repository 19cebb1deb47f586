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
        long now = nanos();
        if (buckets.size() > SWEEP_AT) {
            buckets.values().removeIf(b -> refill(b, now) >= capacity);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (b) {
            refill(b, now);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return;
            }
            long wait = (long) Math.ceil((1 - b.tokens) / perNano / 1e9);
            throw new ApiException(429, "rate_limited", "too many requests; retry in " + wait + " s",
                    Map.of("Retry-After", Long.toString(Math.max(1, wait))));
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
