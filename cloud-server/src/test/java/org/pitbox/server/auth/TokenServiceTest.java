package org.pitbox.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    /** A token signed here by hand with the test secret: header and claims exactly as given. */
    private static String signed(String algorithm, String header, String claims) throws Exception {
        String text = b64(header) + "." + b64(claims);
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), algorithm));
        return text + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private String claims(String typ) {
        long now = clock.instant().getEpochSecond();
        return "{\"sub\":\"42\",\"email\":\"dana@example.com\",\"iat\":" + now + ",\"exp\":" + (now + 60)
                + ",\"typ\":\"" + typ + "\"}";
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

    @Test
    void aTokenInTheFormerHandWrittenFormatStillVerifies() throws Exception {
        String token = signed("HmacSHA256", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims("access"));
        assertEquals(42, tokens.verify(token).orElseThrow().id());
    }

    @Test
    void onlyHs256WithTheJwtTypeAndEveryClaimIsAccepted() throws Exception {
        String hs256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        assertTrue(tokens.verify(signed("HmacSHA512", "{\"alg\":\"HS512\",\"typ\":\"JWT\"}", claims("access")))
                .isEmpty(), "HS512 under the same secret");
        assertTrue(tokens.verify(signed("HmacSHA256", "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", claims("access")))
                .isEmpty(), "another header type");
        assertTrue(tokens.verify(signed("HmacSHA256", "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"crit\":[\"b64\"],"
                + "\"b64\":false}", claims("access"))).isEmpty(), "a critical header it does not know");
        assertTrue(tokens.verify(signed("HmacSHA256", hs256, claims("refresh"))).isEmpty(), "another token type");
        long now = clock.instant().getEpochSecond();
        for (String claims : new String[] {
            "{\"sub\":\"42\",\"email\":\"d@example.com\",\"iat\":" + now + ",\"typ\":\"access\"}",
            "{\"sub\":\"42\",\"email\":\"d@example.com\",\"exp\":" + (now + 60) + ",\"typ\":\"access\"}",
            "{\"email\":\"d@example.com\",\"iat\":" + now + ",\"exp\":" + (now + 60) + ",\"typ\":\"access\"}",
            "{\"sub\":\"42\",\"iat\":" + now + ",\"exp\":" + (now + 60) + ",\"typ\":\"access\"}",
            "{\"sub\":\"dana\",\"email\":\"d@example.com\",\"iat\":" + now + ",\"exp\":" + (now + 60)
                    + ",\"typ\":\"access\"}"}) {
            assertTrue(tokens.verify(signed("HmacSHA256", hs256, claims)).isEmpty(), claims);
        }
    }

    @Test
    void nonCanonicalBase64IsRefused() {
        String valid = tokens.issue(42, "dana@example.com");
        String[] parts = valid.split("\\.");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String sig = parts[2];
        // a 32-byte signature leaves the last character two unused bits: setting one keeps the bytes, not the spelling
        String unusedBit = sig.substring(0, sig.length() - 1)
                + alphabet.charAt(alphabet.indexOf(sig.charAt(sig.length() - 1)) + 1);
        for (String bad : new String[] {valid + "=", parts[0] + "=." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + "=." + parts[2], parts[0] + "." + parts[1] + "." + unusedBit}) {
            assertTrue(tokens.verify(bad).isEmpty(), bad);
        }
        assertTrue(tokens.verify(valid).isPresent());
    }
}
