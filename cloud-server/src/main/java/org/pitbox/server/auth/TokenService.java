package org.pitbox.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens: compact HS256 JWTs ({@code header.payload.signature}, base64url) with the claims {@code sub}
 * (user id), {@code email}, {@code iat}, {@code exp} (Unix seconds) and {@code typ: "access"}.
 */
public final class TokenService {
    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final String TYPE = "access";

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public TokenService(String secret, Duration ttl, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(long userId, String email) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = json.createObjectNode().put("sub", Long.toString(userId)).put("email", email)
                .put("iat", now).put("exp", now + ttl.toSeconds()).put("typ", TYPE);
        String signed = HEADER + "." + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signed + "." + b64(sign(signed));
    }

    /** The token's user when the signature, type and expiry are right; empty otherwise. */
    public Optional<AuthUser> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] signature = decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
            JsonNode header = json.readTree(decode(parts[0]));
            JsonNode claims = json.readTree(decode(parts[1]));
            long exp = claims.path("exp").asLong(0);
            if (!"HS256".equals(header.path("alg").asText()) || !TYPE.equals(claims.path("typ").asText())
                    || exp <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new AuthUser(Long.parseLong(claims.path("sub").asText()),
                    claims.path("email").asText(), Instant.ofEpochSecond(exp)));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** How long the user's token stays valid from now on this service's clock. */
    public Duration remaining(AuthUser user) {
        return Duration.between(clock.instant(), user.expiresAt());
    }

    private byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Strict base64url: no padding, no unused bits set, so each token has exactly one spelling. */
    private static byte[] decode(String part) {
        byte[] bytes = Base64.getUrlDecoder().decode(part);
        if (!b64(bytes).equals(part)) {
            throw new IllegalArgumentException("not canonical base64url");
        }
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
