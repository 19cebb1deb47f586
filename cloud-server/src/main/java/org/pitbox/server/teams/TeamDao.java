package org.pitbox.server.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Teams, their members and invites. */
public interface TeamDao {
    record TeamRow(long id, String name, Role role) {
    }

    record MemberRow(long userId, String email, String displayName, Role role, Instant joinedAt) {
    }

    /** How accepting an invite went. */
    enum InviteOutcome { JOINED, UNKNOWN, USED, EXPIRED, ALREADY_MEMBER }

    /** Accepting an invite: its outcome and, when joined, the team. */
    record Accepted(InviteOutcome outcome, TeamRow team) {
    }

    /** Creates the team with {@code ownerId} as its owner. */
    long create(String name, long ownerId, Instant now);

    List<TeamRow> teamsOf(long userId);

    Optional<Role> roleOf(long teamId, long userId);

    List<MemberRow> members(long teamId);

    /** Removes the member unless that would leave the team without an owner; false then. */
    boolean removeUnlessLastOwner(long teamId, long userId);

    void createInvite(String codeHash, long teamId, Role role, long createdBy, Instant expiresAt);

    /** Deletes the team's invite with this code hash, used or not; false when the team has no such invite. */
    boolean deleteInvite(long teamId, String codeHash);

    /** Uses the invite once: joins the user to its team. */
    Accepted acceptInvite(String codeHash, long userId, Instant now);
}
