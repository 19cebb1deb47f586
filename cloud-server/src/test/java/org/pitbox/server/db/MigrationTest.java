package org.pitbox.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.api.TestDatabase;
import org.pitbox.server.sessions.JdbcSessionDao;
import org.pitbox.server.sessions.SessionDao;
import org.pitbox.server.sessions.SessionDao.LapRow;

/**
 * A database made by the first schema, with laps in it, migrates to the current one and keeps them; the current
 * one keeps laps in their order whatever their numbers, with any number of sectors.
 */
class MigrationTest {
    private static final Instant T = Instant.parse("2025-05-01T18:30:00Z");

    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        migrate(ServerConfig.from(new String[] {"--data-dir", dir.toString()}, Map.of()).jdbcUrl(), null);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_ENV, matches = "1", disabledReason = TestDatabase.SKIP)
    void onPostgres() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            migrate(db.env().get("PITBOX_JDBC_URL"), "postgres");
        }
    }

    private static void migrate(String url, String user) throws Exception {
        Flyway.configure().dataSource(url, user, null).locations("classpath:db/migration").target("1").load()
                .migrate();
        long old;
        try (Connection c = DriverManager.getConnection(url, user, null)) {
            long uid = Jdbc.insert(c, "insert into users (email, display_name, password_hash, created_at)"
                    + " values (?, ?, ?, ?)", "ada@example.com", "Ada", "x", T);
            long team = Jdbc.insert(c, "insert into teams (name, created_at) values (?, ?)", "Team", T);
            old = Jdbc.insert(c, "insert into sessions (team_id, uploader_id, track, car, driver, started_at,"
                    + " size_bytes, status, created_at, lap_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", team, uid,
                    "Track", "Car", "Ada", T, 10L, "complete", T, 3);
            for (int number : new int[] {3, 1, 2}) {
                Jdbc.update(c, "insert into laps (session_id, number, lap_time, sector_times, fuel_used, flags)"
                        + " values (?, ?, ?, ?, ?, ?)", old, number, 20.0 + number, "7.5,,12.25", null,
                        number == 1 ? "out_lap" : "");
            }
        }
        try (Database db = Database.open(url, user, null)) {
            JdbcSessionDao dao = new JdbcSessionDao(new Jdbc(db.dataSource()));
            assertEquals(IntStream.of(1, 2, 3).mapToObj(n -> new LapRow(n, 20.0 + n, List.of(7.5, Double.NaN, 12.25),
                    Double.NaN, n == 1 ? List.of("out_lap") : List.of())).toList(), dao.laps(old));

            long team = dao.find(old).orElseThrow().teamId();
            long id = dao.create(team, dao.find(old).orElseThrow().uploaderId(), "T", "C", "D", T, 10L, null, T);
            List<Double> sectors = IntStream.range(0, 1000).mapToObj(i -> -Math.PI * 1e-300 / (i + 1)).toList();
            List<LapRow> laps = List.of(new LapRow(186, 91.25, sectors, 1.5, List.of()),
                    new LapRow(186, 12.5, List.of(Double.NaN), Double.NaN, List.of("in_lap", "incomplete")),
                    new LapRow(185, 90.0, sectors, 1.25, List.of()));
            dao.complete(id, new SessionDao.Parsed("T", "C", "0".repeat(64), 10L, 100, 190.0, laps));
            assertEquals(laps, dao.laps(id));
        }
    }
}
