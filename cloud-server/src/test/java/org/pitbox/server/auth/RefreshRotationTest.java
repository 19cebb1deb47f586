package org.pitbox.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.api.TokenPair;
import org.pitbox.server.api.MutableClock;
import org.pitbox.server.api.TestDatabase;
import org.pitbox.server.db.Database;
import org.pitbox.server.db.Jdbc;
import org.pitbox.server.http.ApiException;

/** Refresh tokens on the real schema (H2 through Flyway): single use, a replay revokes the family, expiry. */
class RefreshRotationTest {
    private static final Duration REFRESH_TTL = Duration.ofDays(30);
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock();
    private Database database;
    private TokenService tokens;
    private AuthService auth;

    @BeforeEach
    void open() {
        database = TestDatabase.h2().open(dir);
        Jdbc jdbc = new Jdbc(database.dataSource());
        tokens = new TokenService("test-secret-0123456789-0123456789-abcdef", Duration.ofMinutes(15), clock);
        auth = new AuthService(new JdbcUserDao(jdbc), new JdbcRefreshTokenDao(jdbc), new PasswordHasher(1024, 1, 1),
                tokens, REFRESH_TTL, clock);
        auth.register("dana@example.com", PASSWORD, "Dana");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void assertRefused(String refreshToken) {
        ApiException e = assertThrows(ApiException.class, () -> auth.refresh(refreshToken));
        assertEquals(401, e.status());
        assertEquals("invalid_refresh_token", e.code());
    }

    @Test
    void aRefreshTokenIsTradedOnceForANewPairOfTheSameUser() {
        TokenPair login = auth.login("dana@example.com", PASSWORD);
        TokenPair next = auth.refresh(login.refreshToken());
        assertNotEquals(login.refreshToken(), next.refreshToken());
        assertEquals("dana@example.com", tokens.verify(next.accessToken()).orElseThrow().email());
        TokenPair third = auth.refresh(next.refreshToken());
        assertEquals(tokens.verify(login.accessToken()).orElseThrow().id(),
                tokens.verify(third.accessToken()).orElseThrow().id());
    }

    @Test
    void aReplayedRefreshTokenRevokesItsWholeFamilyButNoOther() {
        TokenPair stolen = auth.login("dana@example.com", PASSWORD);
        TokenPair otherDevice = auth.login("dana@example.com", PASSWORD);
        TokenPair legit = auth.refresh(stolen.refreshToken());
        assertRefused(stolen.refreshToken()); // the replay
        assertRefused(legit.refreshToken()); // the family is revoked
        auth.refresh(otherDevice.refreshToken()); // another login's family still works
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        TokenPair login = auth.login("dana@example.com", PASSWORD);
        clock.advance(REFRESH_TTL.minusSeconds(1));
        TokenPair next = auth.refresh(login.refreshToken());
        clock.advance(REFRESH_TTL.plusSeconds(1)); // the database keeps microseconds: not the exact instant
        assertRefused(next.refreshToken());
    }

    @Test
    void loggedOutAndUnknownRefreshTokensAreRefused() {
        TokenPair login = auth.login("dana@example.com", PASSWORD);
        auth.logout(login.refreshToken());
        auth.logout("never-issued");
        assertRefused(login.refreshToken());
        assertRefused("never-issued");
    }

    @Test
    void aWrongPasswordOrUnknownEmailGetsTheSameAnswer() {
        ApiException wrong = assertThrows(ApiException.class, () -> auth.login("dana@example.com", "wrong password"));
        ApiException unknown = assertThrows(ApiException.class, () -> auth.login("nobody@example.com", PASSWORD));
        assertEquals(401, wrong.status());
        assertEquals(wrong.code(), unknown.code());
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }
}
