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
import org.pitbox.server.auth.JdbcRefreshTokenDao;
import org.pitbox.server.auth.JdbcUserDao;
import org.pitbox.server.auth.RefreshTokenDao;
import org.pitbox.server.auth.UserDao.UserRow;
import org.pitbox.server.teams.JdbcTeamDao;
import org.pitbox.server.teams.Role;
import org.pitbox.server.teams.TeamDao;
import org.pitbox.server.sessions.JdbcSessionDao;
import org.pitbox.server.sessions.SessionDao;
import org.pitbox.server.sessions.SessionDao.LapRow;

/**
 * A database made by the first schema (Flyway target 1), with accounts, a team, its members, a refresh token and
 * sessions with laps in it, migrates to the current one and keeps all of them; the current one keeps laps in their
 * order whatever their numbers, with any number of sectors.
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
        long uid;
        long bob;
        long team;
        try (Connection c = DriverManager.getConnection(url, user, null)) {
            uid = Jdbc.insert(c, "insert into users (email, display_name, password_hash, created_at)"
                    + " values (?, ?, ?, ?)", "ada@example.com", "Ada", "x", T);
            bob = Jdbc.insert(c, "insert into users (email, display_name, password_hash, created_at)"
                    + " values (?, ?, ?, ?)", "bob@example.com", "Bob", "$argon2id$y", T);
            team = Jdbc.insert(c, "insert into teams (name, created_at) values (?, ?)", "Team", T);
            Jdbc.update(c, "insert into team_members (team_id, user_id, role, joined_at) values (?, ?, ?, ?)", team,
                    uid, Role.OWNER.wire(), T);
            Jdbc.update(c, "insert into team_members (team_id, user_id, role, joined_at) values (?, ?, ?, ?)", team,
                    bob, Role.DRIVER.wire(), T.plusSeconds(60));
            Jdbc.update(c, "insert into refresh_tokens (user_id, family, token_hash, expires_at, created_at)"
                    + " values (?, ?, ?, ?, ?)", bob, "family-1", "f".repeat(64), T.plusSeconds(86400), T);
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
            Jdbc jdbc = new Jdbc(db.dataSource());
            JdbcUserDao users = new JdbcUserDao(jdbc);
            assertEquals(new UserRow(bob, "bob@example.com", "Bob", "$argon2id$y"),
                    users.findByEmail("bob@example.com").orElseThrow());
            assertEquals(uid, users.findByEmail("ada@example.com").orElseThrow().id());
            JdbcTeamDao teams = new JdbcTeamDao(jdbc);
            assertEquals(List.of("ada@example.com OWNER", "bob@example.com DRIVER"), teams.members(team).stream()
                    .map(m -> m.email() + " " + m.role()).sorted().toList());
            assertEquals(List.of("Team"), teams.teamsOf(bob).stream().map(TeamDao.TeamRow::name).toList());
            RefreshTokenDao.RefreshRow token = new JdbcRefreshTokenDao(jdbc).findByHash("f".repeat(64))
                    .orElseThrow();
            assertEquals(bob, token.userId());
            assertEquals("family-1", token.family());
            JdbcSessionDao dao = new JdbcSessionDao(jdbc);
            SessionDao.SessionRow kept = dao.find(old).orElseThrow();
            assertEquals(List.of(team, uid, "Track", "Car", "Ada", T, 10L, true, 3), List.of(kept.teamId(),
                    kept.uploaderId(), kept.track(), kept.car(), kept.driver(), kept.startedAt(), kept.sizeBytes(),
                    kept.complete(), kept.lapCount()));
            assertEquals(IntStream.of(1, 2, 3).mapToObj(n -> new LapRow(n, 20.0 + n, List.of(7.5, Double.NaN, 12.25),
                    Double.NaN, n == 1 ? List.of("out_lap") : List.of())).toList(), dao.laps(old));

            long id = dao.create(team, uid, "T", "C", "D", T, 10L, null, T);
            List<Double> sectors = IntStream.range(0, 1000).mapToObj(i -> -Math.PI * 1e-300 / (i + 1)).toList();
            List<LapRow> laps = List.of(new LapRow(186, 91.25, sectors, 1.5, List.of()),
                    new LapRow(186, 12.5, List.of(Double.NaN), Double.NaN, List.of("in_lap", "incomplete")),
                    new LapRow(185, 90.0, sectors, 1.25, List.of()));
            dao.complete(id, new SessionDao.Parsed("T", "C", "0".repeat(64), 10L, 100, 190.0, laps));
            assertEquals(laps, dao.laps(id));
        }
    }
}
