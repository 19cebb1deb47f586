package org.pitbox.server.auth;

import java.time.Instant;
import java.util.Optional;

/** Accounts. Emails are stored lower-case. */
public interface UserDao {
    /** A stored account. */
    record UserRow(long id, String email, String displayName, String passwordHash) {
        @Override
        public String toString() {
            return "UserRow[id=" + id + ", email=" + email + "]";
        }
    }

    /** Empty when the email is taken. */
    Optional<UserRow> create(String email, String displayName, String passwordHash, Instant now);

    Optional<UserRow> findByEmail(String email);
}
