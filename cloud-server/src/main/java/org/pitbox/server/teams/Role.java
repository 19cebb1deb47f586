package org.pitbox.server.teams;

import java.util.Locale;
import org.pitbox.protocol.api.Roles;
import org.pitbox.server.http.ApiException;

/** Team roles, most rights first; {@link #wire()} is the name in the API ({@link Roles}). */
public enum Role {
    OWNER, ENGINEER, DRIVER, VIEWER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this role has at least the rights of {@code other}. */
    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    /** 400 for anything but owner, engineer, driver or viewer. */
    public static Role parse(String wire) {
        for (Role r : values()) {
            if (r.wire().equals(wire)) {
                return r;
            }
        }
        throw ApiException.badRequest("invalid_role", "role must be one of " + String.join(", ", Roles.ALL));
    }
}
