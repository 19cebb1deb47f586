package org.pitbox.server.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.server.api.TestDatabase;
import org.pitbox.server.auth.AuthUser;
import org.pitbox.server.auth.JdbcUserDao;
import org.pitbox.server.db.Database;
import org.pitbox.server.db.Jdbc;
import org.pitbox.server.http.ApiException;

/** Team isolation on the real schema (H2 through Flyway): outsiders get 404, members below the role 403. */
class TeamAccessTest {
    @TempDir
    Path dir;
    private Database database;
    private JdbcTeamDao teams;
    private TeamAccess access;
    private AuthUser owner;
    private AuthUser engineer;
    private AuthUser viewer;
    private AuthUser outsider;
    private long team;
    private long otherTeam;

    @BeforeEach
    void open() {
        database = TestDatabase.h2().open(dir);
        Jdbc jdbc = new Jdbc(database.dataSource());
        JdbcUserDao users = new JdbcUserDao(jdbc);
        teams = new JdbcTeamDao(jdbc);
        access = new TeamAccess(teams);
        Instant now = Instant.now();
        owner = user(users, "owner", now);
        engineer = user(users, "engineer", now);
        viewer = user(users, "viewer", now);
        outsider = user(users, "outsider", now);
        team = teams.create("Access Racing", owner.id(), now);
        otherTeam = teams.create("Other Racing", outsider.id(), now);
        join(engineer, Role.ENGINEER, now);
        join(viewer, Role.VIEWER, now);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static AuthUser user(JdbcUserDao users, String name, Instant now) {
        long id = users.create(name + "@example.com", name, "not a hash", now).orElseThrow().id();
        return new AuthUser(id, name + "@example.com", now.plus(Duration.ofMinutes(15)));
    }

    private void join(AuthUser user, Role role, Instant now) {
        String code = "code-" + user.id();
        teams.createInvite(code, team, role, owner.id(), now.plus(Duration.ofDays(1)));
        assertEquals(TeamDao.InviteOutcome.JOINED, teams.acceptInvite(code, user.id(), now).outcome());
    }

    private static int status(Runnable call) {
        return assertThrows(ApiException.class, call::run).status();
    }

    @Test
    void membersGetTheirRoleWhenItIsHighEnough() {
        assertEquals(Role.OWNER, access.require(owner, team, Role.OWNER));
        assertEquals(Role.ENGINEER, access.require(engineer, team, Role.DRIVER));
        assertEquals(Role.VIEWER, access.require(viewer, team, Role.VIEWER));
    }

    @Test
    void aRoleBelowTheMinimumIs403() {
        assertEquals(403, status(() -> access.require(engineer, team, Role.OWNER)));
        assertEquals(403, status(() -> access.require(viewer, team, Role.DRIVER)));
    }

    @Test
    void outsidersGet404AsIfTheTeamDidNotExist() {
        ApiException e = assertThrows(ApiException.class, () -> access.require(outsider, team, Role.VIEWER));
        assertEquals(404, e.status());
        assertEquals("team_not_found", e.code());
        assertEquals(404, status(() -> access.require(owner, otherTeam, Role.VIEWER)));
        assertEquals(404, status(() -> access.require(owner, 999_999, Role.VIEWER)), "a team that does not exist");
        ApiException session = ApiException.notFound("session_not_found", "no such session");
        assertSame(session, assertThrows(ApiException.class,
                () -> access.require(outsider, team, Role.VIEWER, session)), "the caller's own 404");
    }

    @Test
    void membershipIsReadAgainEachTime() {
        assertTrue(access.isMember(viewer.id(), team));
        assertEquals("viewer", access.member(viewer.id(), team).orElseThrow().displayName());
        assertEquals(Role.VIEWER, access.member(viewer.id(), team).orElseThrow().role());
        assertTrue(access.member(viewer.id(), otherTeam).isEmpty());
        assertTrue(teams.removeUnlessLastOwner(team, viewer.id()));
        assertFalse(access.isMember(viewer.id(), team));
        assertTrue(access.member(viewer.id(), team).isEmpty());
        assertEquals(404, status(() -> access.require(viewer, team, Role.VIEWER)));
    }
}
