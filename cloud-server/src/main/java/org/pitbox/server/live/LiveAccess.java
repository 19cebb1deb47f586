package org.pitbox.server.live;

import java.time.Duration;
import java.util.Optional;

/** Checks bearer tokens and team membership for the relay; implemented by the account service. */
public interface LiveAccess {
    /** A valid token's team member, and how long from now the token stays valid. */
    record Grant(LiveMember member, Duration lifetime) {
    }

    /** The grant if the token is valid and its user belongs to the team; empty otherwise. */
    Optional<Grant> authorize(String bearerToken, long teamId);

    /** The user's membership of the team as it is now; empty once they left or were removed. */
    Optional<LiveMember> member(long userId, long teamId);
}
