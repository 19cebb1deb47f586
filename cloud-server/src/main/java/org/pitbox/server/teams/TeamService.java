package org.pitbox.server.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pitbox.protocol.api.InviteView;
import org.pitbox.protocol.api.MemberView;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.server.auth.AuthUser;
import org.pitbox.server.auth.Secrets;
import org.pitbox.server.http.ApiException;

/** Teams, members and invites, each call checked through {@link TeamAccess}; membership changes go to listeners. */
public final class TeamService {
    private static final System.Logger LOG = System.getLogger(TeamService.class.getName());

    private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();
    private final TeamDao teams;
    private final TeamAccess access;
    private final Duration inviteTtl;
    private final Clock clock;

    public TeamService(TeamDao teams, TeamAccess access, Duration inviteTtl, Clock clock) {
        this.teams = teams;
        this.access = access;
        this.inviteTtl = inviteTtl;
        this.clock = clock;
    }

    /** Adds a listener told after each membership change. */
    public void addMembershipListener(MembershipListener listener) {
        listeners.add(listener);
    }

    public TeamView create(AuthUser user, String name) {
        return new TeamView(teams.create(name, user.id(), clock.instant()), name, Role.OWNER.wire());
    }

    public List<TeamView> mine(AuthUser user) {
        return teams.teamsOf(user.id()).stream().map(TeamService::view).toList();
    }

    public List<MemberView> members(AuthUser user, long teamId) {
        access.require(user, teamId, Role.VIEWER);
        return teams.members(teamId).stream().map(m -> new MemberView(m.userId(), m.email(), m.displayName(),
                m.role().wire(), m.joinedAt().toString())).toList();
    }

    public InviteView invite(AuthUser user, long teamId, Role role) {
        access.require(user, teamId, Role.OWNER);
        String code = Secrets.randomToken(18);
        Instant expires = clock.instant().plus(inviteTtl);
        teams.createInvite(Secrets.sha256Hex(code), teamId, role, user.id(), expires);
        return new InviteView(code, role.wire(), expires.toString());
    }

    /** An owner withdraws an invite: its code then answers 404. */
    public void revokeInvite(AuthUser user, long teamId, String code) {
        access.require(user, teamId, Role.OWNER);
        if (!teams.deleteInvite(teamId, Secrets.sha256Hex(code))) {
            throw ApiException.notFound("invite_not_found", "no such invite in this team");
        }
    }

    public TeamView accept(AuthUser user, String code) {
        TeamDao.Accepted result = teams.acceptInvite(Secrets.sha256Hex(code), user.id(), clock.instant());
        return switch (result.outcome()) {
            case JOINED -> view(result.team());
            case UNKNOWN -> throw ApiException.notFound("invite_not_found", "no such invite code");
            case USED -> throw new ApiException(410, "invite_used", "this invite code was already used");
            case EXPIRED -> throw new ApiException(410, "invite_expired", "this invite code has expired");
            case ALREADY_MEMBER -> throw ApiException.conflict("already_member", "you are already in this team");
        };
    }

    /**
     * Leaving ({@code userId} is the caller) needs membership; removing someone else needs the owner role, and
     * an owner is never removed by another owner: owners leave only by themselves, and the last one cannot.
     */
    public void remove(AuthUser user, long teamId, long userId) {
        access.require(user, teamId, userId == user.id() ? Role.VIEWER : Role.OWNER);
        Role role = teams.roleOf(teamId, userId)
                .orElseThrow(() -> ApiException.notFound("member_not_found", "no such member in this team"));
        if (role == Role.OWNER && userId != user.id()) {
            throw ApiException.forbidden("an owner cannot be removed by another owner; owners leave by themselves");
        }
        if (!teams.removeUnlessLastOwner(teamId, userId)) {
            throw ApiException.conflict("last_owner", "the last owner cannot leave; invite another owner first");
        }
        changed(teamId, userId);
    }

    /** The change is made: a listener that fails is logged, not the caller's problem. */
    private void changed(long teamId, long userId) {
        for (MembershipListener l : listeners) {
            try {
                l.membershipChanged(teamId, userId);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a membership listener failed for user " + userId + " of team "
                        + teamId, e);
            }
        }
    }

    private static TeamView view(TeamDao.TeamRow t) {
        return new TeamView(t.id(), t.name(), t.role().wire());
    }
}
