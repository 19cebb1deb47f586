package org.pitbox.server.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pitbox.server.api.MutableClock;
import org.pitbox.server.http.ApiException;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(6, clock);

    @Test
    void aBurstOfPerMinuteThenA429WithRetryAfterUntilATokenIsBack() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire("a");
        }
        ApiException e = assertThrows(ApiException.class, () -> limiter.acquire("a"));
        assertEquals(429, e.status());
        assertEquals("10", e.headers().get("Retry-After"), "one token comes back every 10 s");
        assertDoesNotThrow(() -> limiter.acquire("b"), "other keys have their own bucket");
        clock.advance(Duration.ofSeconds(10));
        limiter.acquire("a");
        assertThrows(ApiException.class, () -> limiter.acquire("a"));
    }

    @Test
    void checkTakesNothingAndTakeNeverRefuses() {
        for (int i = 0; i < 10; i++) {
            limiter.check("a");
        }
        for (int i = 0; i < 10; i++) {
            limiter.take("a");
        }
        assertEquals(429, assertThrows(ApiException.class, () -> limiter.check("a")).status());
    }

    @Test
    void keysAreForgottenWhenFullAgainAndNeverExceedTheBound() {
        for (int i = 0; i < RateLimiter.MAX_KEYS + 5_000; i++) {
            limiter.take("ip:" + i);
        }
        assertTrue(limiter.keys() <= RateLimiter.MAX_KEYS, Long.toString(limiter.keys()));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, limiter.keys());
    }
}
