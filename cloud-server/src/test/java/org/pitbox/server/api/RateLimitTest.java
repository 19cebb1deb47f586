package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.api.LoginRequest;

/**
 * Login and register are limited per client address; the limiter is in memory, so H2 is enough. No proxy is
 * trusted here, so a client's own X-Forwarded-For changes nothing.
 */
class RateLimitTest extends ApiTestBase {
    @Override
    Map<String, String> settings() {
        return Map.of("PITBOX_AUTH_RATE_PER_MINUTE", "3");
    }

    @Test
    void theFourthLoginInAMinuteIs429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("POST", "/api/v1/auth/login", null, new LoginRequest("x" + i + "@example.com", "whatever1")).is(401);
        }
        Resp limited = send("POST", "/api/v1/auth/login", null, new LoginRequest("x9@example.com", "whatever1"))
                .fails(429, "rate_limited");
        assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        clock.advance(java.time.Duration.ofMinutes(1));
        send("POST", "/api/v1/auth/login", null, new LoginRequest("x8@example.com", "whatever1")).is(401);
    }

    @Test
    void aClientCannotChooseItsAddress() throws Exception {
        clock.advance(java.time.Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            forwarded("192.0.2." + i).is(401);
        }
        forwarded("192.0.2.99").fails(429, "rate_limited");
        clock.advance(java.time.Duration.ofMinutes(1));
    }

    /** A login failing for an email of its own, so only the per-address limit applies. */
    private Resp forwarded(String address) throws Exception {
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/auth/login")).header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        new LoginRequest("y." + address + "@example.com", "whatever1")))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Resp(r.statusCode(), r.body(), r.headers());
    }
}
