package org.pitbox.protocol.api;

import java.util.List;

/** The team roles, from most to least rights. */
public final class Roles {
    public static final String OWNER = "owner";
    public static final String ENGINEER = "engineer";
    public static final String DRIVER = "driver";
    public static final String VIEWER = "viewer";
    public static final List<String> ALL = List.of(OWNER, ENGINEER, DRIVER, VIEWER);

    private Roles() {
    }
}
