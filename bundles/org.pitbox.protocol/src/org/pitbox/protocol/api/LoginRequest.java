package org.pitbox.protocol.api;

/** {@code POST /auth/login}. */
public record LoginRequest(String email, String password) {
    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
