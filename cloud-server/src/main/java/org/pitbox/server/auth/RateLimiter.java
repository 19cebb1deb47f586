package org.pitbox.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.pitbox.server.http.ApiException;

/**
 * bucket4j token buckets per key (an IP, an email, ...): {@code perMinute} requests in a burst, refilled evenly over
 * a minute. A bucket unused for a minute is full again, so it is forgotten then; past {@link #MAX_KEYS} keys the
 * least recently used are forgotten first, so no client can grow the map without bound.
 */
public final class RateLimiter {
    static final int MAX_KEYS = 50_000;
    private static final Duration REFILL = Duration.ofMinutes(1);

    private final int perMinute;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(REFILL)
                .ticker(time::currentTimeNanos).executor(Runnable::run).build();
    }

    /** Takes one token for {@code key}, or answers 429 with Retry-After in whole seconds. */
    public void acquire(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill());
        }
    }

    /** Answers 429 when {@code key} has no token left, without taking one. */
    public void check(String key) {
        var probe = bucket(key).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill());
        }
    }

    /** Takes one token for {@code key} if it has one; never refuses. */
    public void take(String key) {
        bucket(key).tryConsume(1);
    }

    /** How many keys are remembered now. */
    long keys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, REFILL)).build());
    }

    private static ApiException tooMany(long waitNanos) {
        long wait = Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
        return new ApiException(429, "rate_limited", "too many requests; retry in " + wait + " s",
                Map.of("Retry-After", Long.toString(wait)));
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
