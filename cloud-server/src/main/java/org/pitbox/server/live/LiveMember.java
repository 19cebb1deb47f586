package org.pitbox.server.live;

/** Who is behind a live connection, as vouched for by {@link LiveAccess}. */
public record LiveMember(long userId, String displayName, LiveRole role) {
}
