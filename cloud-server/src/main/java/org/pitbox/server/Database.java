package org.pitbox.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The server's database connection settings and a readiness probe. */
final class Database {
    private final String jdbcUrl;

    private Database(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    static Database open(String jdbcUrl) {
        Database db = new Database(jdbcUrl);
        if (!db.isReady()) {
            throw new IllegalStateException("cannot open the database " + redact(jdbcUrl));
        }
        return db;
    }

    boolean isReady() {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The URL without credentials, safe for logs. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }
}
