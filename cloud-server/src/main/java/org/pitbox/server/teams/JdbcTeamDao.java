package org.pitbox.server.teams;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pitbox.server.db.Jdbc;

public final class JdbcTeamDao implements TeamDao {
    private static final String OWNER = Role.OWNER.wire();

    private final Jdbc jdbc;

    public JdbcTeamDao(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long create(String name, long ownerId, Instant now) {
        return jdbc.inTransaction(c -> {
            long id = Jdbc.insert(c, "insert into teams (name, created_at) values (?, ?)", name, now);
            addMember(c, id, ownerId, Role.OWNER, now);
            return id;
        });
    }

    @Override
    public List<TeamRow> teamsOf(long userId) {
        return jdbc.query("select t.id, t.name, m.role from teams t join team_members m on m.team_id = t.id"
                + " where m.user_id = ? order by t.name, t.id",
                rs -> new TeamRow(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role"))), userId);
    }

    @Override
    public Optional<Role> roleOf(long teamId, long userId) {
        return jdbc.queryOne("select role from team_members where team_id = ? and user_id = ?",
                rs -> Role.parse(rs.getString("role")), teamId, userId);
    }

    @Override
    public List<MemberRow> members(long teamId) {
        return jdbc.query("select u.id, u.email, u.display_name, m.role, m.joined_at from team_members m"
                + " join users u on u.id = m.user_id where m.team_id = ? order by m.joined_at, u.id",
                rs -> new MemberRow(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        Role.parse(rs.getString("role")), Jdbc.instant(rs, "joined_at")), teamId);
    }

    @Override
    public boolean removeUnlessLastOwner(long teamId, long userId) {
        return jdbc.inTransaction(c -> {
            List<String> owners = Jdbc.query(c, "select user_id from team_members where team_id = ? and role = ?"
                    + " for update", rs -> rs.getString(1), teamId, OWNER);
            if (owners.size() == 1 && owners.get(0).equals(Long.toString(userId))) {
                return false;
            }
            Jdbc.update(c, "delete from team_members where team_id = ? and user_id = ?", teamId, userId);
            return true;
        });
    }

    @Override
    public void createInvite(String codeHash, long teamId, Role role, long createdBy, Instant expiresAt) {
        jdbc.update("insert into invites (code_hash, team_id, role, created_by, expires_at) values (?, ?, ?, ?, ?)",
                codeHash, teamId, role.wire(), createdBy, expiresAt);
    }

    @Override
    public boolean deleteInvite(long teamId, String codeHash) {
        return jdbc.update("delete from invites where team_id = ? and code_hash = ?", teamId, codeHash) > 0;
    }

    @Override
    public Accepted acceptInvite(String codeHash, long userId, Instant now) {
        return jdbc.inTransaction(c -> {
            record Invite(long teamId, Role role, Instant expiresAt, boolean used) {
            }
            Invite invite = Jdbc.query(c, "select team_id, role, expires_at, used_at from invites"
                    + " where code_hash = ? for update", rs -> new Invite(rs.getLong("team_id"),
                            Role.parse(rs.getString("role")), Jdbc.instant(rs, "expires_at"),
                            rs.getTimestamp("used_at") != null), codeHash)
                    .stream().findFirst().orElse(null);
            if (invite == null) {
                return new Accepted(InviteOutcome.UNKNOWN, null);
            }
            if (invite.used()) {
                return new Accepted(InviteOutcome.USED, null);
            }
            if (!invite.expiresAt().isAfter(now)) {
                return new Accepted(InviteOutcome.EXPIRED, null);
            }
            if (!Jdbc.query(c, "select 1 from team_members where team_id = ? and user_id = ?", rs -> 1,
                    invite.teamId(), userId).isEmpty()) {
                return new Accepted(InviteOutcome.ALREADY_MEMBER, null);
            }
            Jdbc.update(c, "update invites set used_by = ?, used_at = ? where code_hash = ?", userId, now, codeHash);
            addMember(c, invite.teamId(), userId, invite.role(), now);
            String name = Jdbc.query(c, "select name from teams where id = ?", rs -> rs.getString(1),
                    invite.teamId()).get(0);
            return new Accepted(InviteOutcome.JOINED, new TeamRow(invite.teamId(), name, invite.role()));
        });
    }

    private static void addMember(Connection c, long teamId, long userId, Role role, Instant now)
            throws SQLException {
        Jdbc.update(c, "insert into team_members (team_id, user_id, role, joined_at) values (?, ?, ?, ?)",
                teamId, userId, role.wire(), now);
    }
}
