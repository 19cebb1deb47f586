package org.pitbox.protocol.api;

/** {@code POST /teams}. */
public record CreateTeamRequest(String name) {
}
