package org.pitbox.protocol.api;

/** {@code POST /teams/{teamId}/invites}: the role the invited person gets. */
public record CreateInviteRequest(String role) {
}
