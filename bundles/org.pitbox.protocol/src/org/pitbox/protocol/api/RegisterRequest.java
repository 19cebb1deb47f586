package org.pitbox.protocol.api;

/** {@code POST /auth/register}. */
public record RegisterRequest(String email, String password, String displayName) {
    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", displayName=" + displayName + "]";
    }
}
