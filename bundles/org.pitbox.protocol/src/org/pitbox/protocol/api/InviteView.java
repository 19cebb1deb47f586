package org.pitbox.protocol.api;

/** A single-use invite code; shown once, when it is made. */
public record InviteView(String code, String role, String expiresAt) {
}
