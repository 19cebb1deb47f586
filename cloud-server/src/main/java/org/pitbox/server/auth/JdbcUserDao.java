package org.pitbox.server.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.pitbox.server.db.DataAccessException;
import org.pitbox.server.db.Jdbc;

public final class JdbcUserDao implements UserDao {
    private final Jdbc jdbc;

    public JdbcUserDao(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserRow> create(String email, String displayName, String passwordHash, Instant now) {
        try {
            long id = jdbc.insert("insert into users (email, display_name, password_hash, created_at)"
                    + " values (?, ?, ?, ?)", email, displayName, passwordHash, now);
            return Optional.of(new UserRow(id, email, displayName, passwordHash));
        } catch (DataAccessException e) {
            if (e.isDuplicateKey()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<UserRow> findByEmail(String email) {
        return jdbc.queryOne("select id, email, display_name, password_hash from users where email = ?",
                JdbcUserDao::row, email);
    }

    private static UserRow row(ResultSet rs) throws SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"));
    }
}
