package org.pitbox.protocol.api;

/** One member of a team. */
public record MemberView(long userId, String email, String displayName, String role, String joinedAt) {
}
