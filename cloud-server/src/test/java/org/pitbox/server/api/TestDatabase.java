package org.pitbox.server.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.db.Database;

/**
 * Where an integration suite keeps its data: H2 under the data dir, or (with PITBOX_TEST_POSTGRES=1) a fresh
 * schema in the PostgreSQL database {@code test} at 127.0.0.1:5432 (user postgres, trust auth), dropped after.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String POSTGRES_ENV = "PITBOX_TEST_POSTGRES";
    public static final String SKIP = "set PITBOX_TEST_POSTGRES=1 with PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres,"
            + " database test) to run this suite on PostgreSQL";
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SECRET = "test-secret-0123456789-0123456789-abcdef";

    private final String schema;

    private TestDatabase(String schema) {
        this.schema = schema;
    }

    public static TestDatabase h2() {
        return new TestDatabase(null);
    }

    public static TestDatabase postgres() throws SQLException {
        String schema = "pbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG, "postgres", null); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        return new TestDatabase(schema);
    }

    /** A pool on this database, migrated by Flyway as the server's is; H2 keeps its files under dataDir. */
    public Database open(Path dataDir) {
        ServerConfig config = ServerConfig.from(new String[] {"--data-dir", dataDir.toString()}, env());
        return Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
    }

    /** Environment settings for {@code ServerConfig.from}. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        if (schema != null) {
            env.put("PITBOX_JDBC_URL", PG + "?currentSchema=" + schema);
            env.put("PITBOX_JDBC_USER", "postgres");
            env.put("PITBOX_TOKEN_SECRET", SECRET);
        }
        return env;
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG, "postgres", null); Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }
}
