package org.pitbox.server.auth;

import java.time.Instant;
import java.util.Optional;
import org.pitbox.server.db.Jdbc;

public final class JdbcRefreshTokenDao implements RefreshTokenDao {
    private final Jdbc jdbc;

    public JdbcRefreshTokenDao(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(long userId, String family, String tokenHash, Instant expiresAt, Instant now) {
        jdbc.update("insert into refresh_tokens (user_id, family, token_hash, expires_at, created_at)"
                + " values (?, ?, ?, ?, ?)", userId, family, tokenHash, expiresAt, now);
    }

    @Override
    public Optional<RefreshRow> findByHash(String tokenHash) {
        return jdbc.queryOne("select r.id, r.user_id, u.email, r.family, r.expires_at, r.revoked_at"
                + " from refresh_tokens r join users u on u.id = r.user_id where r.token_hash = ?",
                rs -> new RefreshRow(rs.getLong("id"), rs.getLong("user_id"), rs.getString("email"),
                        rs.getString("family"), Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "revoked_at")),
                tokenHash);
    }

    @Override
    public boolean revoke(long id, Instant now) {
        return jdbc.update("update refresh_tokens set revoked_at = ? where id = ? and revoked_at is null", now, id)
                == 1;
    }

    @Override
    public void revokeFamily(String family, Instant now) {
        jdbc.update("update refresh_tokens set revoked_at = ? where family = ? and revoked_at is null", now, family);
    }
}
