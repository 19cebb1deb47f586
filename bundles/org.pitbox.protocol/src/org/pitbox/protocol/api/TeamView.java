package org.pitbox.protocol.api;

/** A team and the caller's role in it ({@link Roles}). */
public record TeamView(long id, String name, String role) {
}
