package org.pitbox.protocol.api;

/** An account as others may see it. */
public record UserView(long id, String email, String displayName) {
}
