package org.pitbox.server.auth;

import java.time.Instant;
import java.util.Optional;

/** Refresh tokens by their SHA-256 hash; a family is the chain of rotations from one login. */
public interface RefreshTokenDao {
    /** A stored refresh token; {@code revokedAt} is null while it is usable. */
    record RefreshRow(long id, long userId, String email, String family, Instant expiresAt, Instant revokedAt) {
    }

    void insert(long userId, String family, String tokenHash, Instant expiresAt, Instant now);

    Optional<RefreshRow> findByHash(String tokenHash);

    /** Revokes one token; false when it was already revoked (someone else used it first). */
    boolean revoke(long id, Instant now);

    void revokeFamily(String family, Instant now);
}
