package org.pitbox.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.pitbox.server.api.MutableClock;

class TokenServiceTest {
    private static final String SECRET = "test-secret-0123456789-0123456789-abcdef";
    private static final Duration TTL = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock();
    private final TokenService tokens = new TokenService(SECRET, TTL, clock);

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anIssuedTokenIsItsUsersUntilItExpires() {
        String token = tokens.issue(42, "dana@example.com");
        AuthUser user = tokens.verify(token).orElseThrow();
        assertEquals(42, user.id());
        assertEquals("dana@example.com", user.email());
        Duration left = tokens.remaining(user);
        assertTrue(left.compareTo(TTL) <= 0 && left.compareTo(TTL.minusSeconds(1)) >= 0, left.toString());

        clock.advance(TTL.minusSeconds(2));
        assertTrue(tokens.verify(token).isPresent(), "valid until its exp");
        clock.advance(Duration.ofSeconds(2));
        assertTrue(tokens.verify(token).isEmpty(), "expired at its exp");
    }

    @Test
    void aTokenOfAnotherSecretOrWithChangedClaimsIsRefused() {
        String other = new TokenService(SECRET.replace('0', '1'), TTL, clock).issue(42, "dana@example.com");
        assertTrue(tokens.verify(other).isEmpty(), "another server's secret");

        String[] parts = tokens.issue(42, "dana@example.com").split("\\.");
        String forged = parts[0] + "." + b64("{\"sub\":\"1\",\"email\":\"owner@example.com\",\"iat\":0,"
                + "\"exp\":99999999999,\"typ\":\"access\"}") + "." + parts[2];
        assertTrue(tokens.verify(forged).isEmpty(), "claims changed under the signature");

        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertTrue(tokens.verify(unsigned).isEmpty(), "alg none");
    }

    @Test
    void malformedTokensAreRefusedWithoutAnError() {
        String valid = tokens.issue(42, "dana@example.com");
        String[] parts = valid.split("\\.");
        for (String bad : new String[] {"", ".", "..", "a.b", "a.b.c.d", "!!!.???.***", valid + "x",
                parts[0] + "." + parts[1], parts[0] + ".." + parts[2], valid.replace('.', '!')}) {
            assertTrue(tokens.verify(bad).isEmpty(), bad);
        }
    }
}
