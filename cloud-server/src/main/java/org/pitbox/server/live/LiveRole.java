package org.pitbox.server.live;

/** A team member's role as far as the live relay cares. */
public enum LiveRole {
    OWNER, ENGINEER, DRIVER, VIEWER;

    /** Drivers and owners publish; everyone in the team subscribes. */
    public boolean canPublish() {
        return this == OWNER || this == DRIVER;
    }

    /** Everyone but viewers may talk on the radio. */
    public boolean canRadio() {
        return this != VIEWER;
    }
}
