package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.api.LoginRequest;

/**
 * Failed logins count per (email, address) and per address, never attempts per email: others' wrong passwords do
 * not lock the owner out. Behind the trusted proxy (loopback here) the address is the header's, from anyone
 * else the header is ignored.
 */
class LoginLockoutTest extends ApiTestBase {
    @Override
    Map<String, String> settings() {
        return Map.of("PITBOX_AUTH_RATE_PER_MINUTE", "40", "PITBOX_TRUSTED_PROXIES", "127.0.0.1",
                "PITBOX_CLIENT_IP_HEADER", "X-Forwarded-For");
    }

    @Test
    void wrongPasswordsFromOtherAddressesDoNotBlockTheOwner() throws Exception {
        User owner = newUser();
        for (int i = 0; i < 30; i++) {
            assertEquals(401, login(owner.email(), "wrong password", "198.51.100." + i));
        }
        assertEquals(200, login(owner.email(), PASSWORD, "203.0.113.7"));
    }

    @Test
    void failuresFromOneAddressAreLimitedPerEmailAndPerAddress() throws Exception {
        User owner = newUser();
        String attacker = "198.51.100.200";
        for (int i = 0; i < 10; i++) {
            assertEquals(401, login(owner.email(), "wrong password", attacker));
        }
        assertEquals(429, login(owner.email(), "wrong password", attacker));
        assertEquals(429, login(owner.email(), PASSWORD, attacker));
        assertEquals(200, login(owner.email(), PASSWORD, "203.0.113.8"));
        for (int i = 0; i < 30; i++) {
            login("nobody" + i + "@example.com", "wrong password", attacker);
        }
        assertEquals(429, login("someone.else@example.com", "wrong password", attacker));
        clock.advance(java.time.Duration.ofMinutes(2));
        assertEquals(200, login(owner.email(), PASSWORD, attacker));
    }

    @Test
    void aForwardedHeaderCountsOnlyFromATrustedProxy() throws Exception {
        User owner = newUser();
        // the last address not a trusted proxy is the client; what the client put before it is ignored
        for (int i = 0; i < 10; i++) {
            assertEquals(401, login(owner.email(), "wrong password", "10.9.9." + i + ", 198.51.100.201"));
        }
        assertEquals(429, login(owner.email(), PASSWORD, "198.51.100.201"));
        assertEquals(200, login(owner.email(), PASSWORD, "10.9.9.1"));
    }

    private int login(String email, String password, String forwardedFor) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(new LoginRequest(email, password))))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
