package org.pitbox.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.pitbox.server.ServerConfig;

/** The connection pool, migrated to the newest schema when opened. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the pool, its metrics kept to themselves (tools and tests), and migrates. */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, new SimpleMeterRegistry());
    }

    /**
     * Opens the pool, with its {@code hikaricp_*} metrics in {@code metrics}, and runs the Flyway migrations in
     * {@code db/migration}.
     */
    public static Database open(String jdbcUrl, String user, String password, MeterRegistry metrics) {
        HikariConfig hc = new HikariConfig();
        hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        hc.setPoolName("pitbox");
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(10);
        hc.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the database " + ServerConfig.redact(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot migrate the database: " + rootMessage(e), e);
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean isReady() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
