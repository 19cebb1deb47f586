package org.pitbox.server.teams;

import java.util.Optional;
import org.pitbox.server.auth.AuthUser;
import org.pitbox.server.http.ApiException;

/**
 * The one place that decides whether a user may touch a team's data. Someone outside the team gets 404 (as if
 * the team, or the session, did not exist, so ids reveal nothing); a member whose role is too low gets 403.
 */
public final class TeamAccess {
    private final TeamDao teams;

    public TeamAccess(TeamDao teams) {
        this.teams = teams;
    }

    /** The user's role in the team: 404 {@code team_not_found} for non-members, 403 below {@code minimum}. */
    public Role require(AuthUser user, long teamId, Role minimum) {
        return require(user, teamId, minimum, ApiException.notFound("team_not_found", "no such team"));
    }

    /** As {@link #require(AuthUser, long, Role)}, answering {@code notFound} to non-members. */
    public Role require(AuthUser user, long teamId, Role minimum, ApiException notFound) {
        Role role = teams.roleOf(teamId, user.id()).orElseThrow(() -> notFound);
        if (!role.atLeast(minimum)) {
            throw ApiException.forbidden("this needs the " + minimum.wire() + " role or higher in the team");
        }
        return role;
    }

    /** True when the user is a member of the team at any role. */
    public boolean isMember(long userId, long teamId) {
        return teams.roleOf(teamId, userId).isPresent();
    }

    /** The user's membership (name and role), empty outside the team: the live relay checks it at each upgrade. */
    public Optional<TeamDao.MemberRow> member(long userId, long teamId) {
        if (!isMember(userId, teamId)) {
            return Optional.empty();
        }
        return teams.members(teamId).stream().filter(m -> m.userId() == userId).findFirst();
    }
}
