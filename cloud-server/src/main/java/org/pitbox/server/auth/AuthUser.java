package org.pitbox.server.auth;

import java.security.Principal;
import java.time.Instant;

/** The caller of a request, from a verified access token that is valid until {@code expiresAt}. */
public record AuthUser(long id, String email, Instant expiresAt) implements Principal {
    @Override
    public String getName() {
        return Long.toString(id);
    }
}
