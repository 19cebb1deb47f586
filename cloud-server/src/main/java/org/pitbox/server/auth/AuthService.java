package org.pitbox.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.pitbox.protocol.api.TokenPair;
import org.pitbox.protocol.api.UserView;
import org.pitbox.server.http.ApiException;

/** Registration, login and refresh-token rotation. */
public final class AuthService {
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 256;

    private final UserDao users;
    private final RefreshTokenDao refreshTokens;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final Duration refreshTtl;
    private final Clock clock;

    public AuthService(UserDao users, RefreshTokenDao refreshTokens, PasswordHasher hasher, TokenService tokens,
            Duration refreshTtl, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.tokens = tokens;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
    }

    /** Lower-case, trimmed; 400 when it does not look like an address. */
    public static String normalizeEmail(String email) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 320 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiException.badRequest("invalid_email", "email is not a valid address");
        }
        return e;
    }

    public UserView register(String email, String password, String displayName) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.badRequest("weak_password", "password must be " + MIN_PASSWORD + ".." + MAX_PASSWORD
                    + " characters");
        }
        UserDao.UserRow user = users.create(email, displayName, hasher.hash(password), clock.instant())
                .orElseThrow(() -> ApiException.conflict("email_taken", "an account with this email exists"));
        return new UserView(user.id(), user.email(), user.displayName());
    }

    public TokenPair login(String email, String password) {
        UserDao.UserRow user = users.findByEmail(email).orElse(null);
        if (user == null) {
            hasher.verifyDummy(password);
        }
        if (user == null || !hasher.verify(password, user.passwordHash())) {
            throw new ApiException(401, "invalid_credentials", "wrong email or password");
        }
        return issue(user.id(), user.email(), Secrets.randomToken(16));
    }

    /** Trades a refresh token for a new pair; a second use of one revokes its whole family. */
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshTokenDao.RefreshRow row = refreshTokens.findByHash(Secrets.sha256Hex(refreshToken))
                .orElseThrow(AuthService::invalidRefresh);
        if (row.revokedAt() != null || !refreshTokens.revoke(row.id(), now)) {
            refreshTokens.revokeFamily(row.family(), now);
            throw invalidRefresh();
        }
        if (!row.expiresAt().isAfter(now)) {
            throw invalidRefresh();
        }
        return issue(row.userId(), row.email(), row.family());
    }

    /** Revokes the token; unknown or already revoked tokens are fine (logout is idempotent). */
    public void logout(String refreshToken) {
        refreshTokens.findByHash(Secrets.sha256Hex(refreshToken))
                .ifPresent(row -> refreshTokens.revoke(row.id(), clock.instant()));
    }

    private TokenPair issue(long userId, String email, String family) {
        Instant now = clock.instant();
        String refresh = Secrets.randomToken(32);
        refreshTokens.insert(userId, family, Secrets.sha256Hex(refresh), now.plus(refreshTtl), now);
        return new TokenPair(tokens.issue(userId, email), refresh, tokens.ttl().toSeconds());
    }

    private static ApiException invalidRefresh() {
        return new ApiException(401, "invalid_refresh_token", "the refresh token is unknown, expired or used");
    }
}
