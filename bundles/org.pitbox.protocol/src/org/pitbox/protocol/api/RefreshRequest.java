package org.pitbox.protocol.api;

/** {@code POST /auth/refresh} and {@code POST /auth/logout}. */
public record RefreshRequest(String refreshToken) {
    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
