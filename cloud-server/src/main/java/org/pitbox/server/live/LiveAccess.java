package org.pitbox.server.live;

import java.util.Optional;

/** Checks a bearer token at the WebSocket upgrade; implemented by the account service. */
public interface LiveAccess {
    /** The member if the token is valid and its user belongs to the team; empty otherwise. */
    Optional<LiveMember> authorize(String bearerToken, long teamId);
}
