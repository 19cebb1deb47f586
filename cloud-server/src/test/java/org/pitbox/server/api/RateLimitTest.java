package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.api.LoginRequest;

/** Login and register are limited per IP and per email; the limiter is in memory, so H2 is enough. */
class RateLimitTest extends ApiTestBase {
    @Override
    Map<String, String> settings() {
        return Map.of("PITBOX_AUTH_RATE_PER_MINUTE", "3");
    }

    @Test
    void theFourthLoginInAMinuteIs429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("POST", "/api/v1/auth/login", null, new LoginRequest("x@example.com", "whatever1")).is(401);
        }
        Resp limited = send("POST", "/api/v1/auth/login", null, new LoginRequest("x@example.com", "whatever1"))
                .fails(429, "rate_limited");
        assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        clock.advance(java.time.Duration.ofMinutes(1));
        send("POST", "/api/v1/auth/login", null, new LoginRequest("x@example.com", "whatever1")).is(401);
    }
}
