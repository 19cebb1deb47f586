package org.pitbox.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Access tokens: compact HS256 JWTs (nimbus-jose-jwt) with header {@code typ: "JWT"} and the claims {@code sub}
 * (user id), {@code email}, {@code iat}, {@code exp} (Unix seconds) and {@code typ: "access"}. Checking is strict:
 * HS256 only (no {@code none}, no other algorithm), every claim present, {@code exp} after now with no clock skew,
 * and every part in canonical base64url, so each token has exactly one spelling.
 */
public final class TokenService {
    private static final String TYPE = "access";
    private static final Set<String> REQUIRED = Set.of("sub", "email", "iat", "exp", "typ");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]+");

    private final MACSigner signer;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Duration ttl;
    private final Clock clock;

    public TokenService(String secret, Duration ttl, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        try {
            this.signer = new MACSigner(key);
        } catch (KeyLengthException e) {
            throw new IllegalArgumentException("the token secret must be at least 32 bytes", e);
        }
        this.ttl = ttl;
        this.clock = clock;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(key)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().claim("typ", TYPE).build(), REQUIRED) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claims);
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(long userId, String email) {
        long now = clock.instant().getEpochSecond();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(Long.toString(userId)).claim("email", email)
                .issueTime(new Date(now * 1000)).expirationTime(new Date((now + ttl.toSeconds()) * 1000))
                .claim("typ", TYPE).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The token's user when the encoding, algorithm, signature, type and expiry are right; empty otherwise. */
    public Optional<AuthUser> verify(String token) {
        if (!canonical(token)) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(SignedJWT.parse(token), null);
            return Optional.of(new AuthUser(Long.parseLong(claims.getSubject()), claims.getStringClaim("email"),
                    claims.getExpirationTime().toInstant()));
        } catch (ParseException | BadJOSEException | JOSEException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How long the user's token stays valid from now on this service's clock. */
    public Duration remaining(AuthUser user) {
        return Duration.between(clock.instant(), user.expiresAt());
    }

    /** Three parts, each strict base64url: no padding, no unused bits set. */
    private static boolean canonical(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            for (String part : parts) {
                if (!PART.matcher(part).matches() || !Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(Base64.getUrlDecoder().decode(part)).equals(part)) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
