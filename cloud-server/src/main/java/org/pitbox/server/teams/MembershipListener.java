package org.pitbox.server.teams;

/** Told after a user left a team or was removed from it; the live relay closes their sockets of the team. */
@FunctionalInterface
public interface MembershipListener {
    void membershipChanged(long teamId, long userId);
}
