package org.pitbox.server.auth;

import java.security.Principal;

/** The caller of a request, from a verified access token. */
public record AuthUser(long id, String email) implements Principal {
    @Override
    public String getName() {
        return Long.toString(id);
    }
}
