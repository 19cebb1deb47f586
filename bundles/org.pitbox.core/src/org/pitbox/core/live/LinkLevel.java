package org.pitbox.core.live;

/** How worrying the driver's link to the team is: the one scale the overlay and the Team part show. */
public enum LinkLevel {
    /** Live. */
    OK,
    /** Catching up or connecting. */
    WARNING,
    /** Offline or losing data. */
    BAD,
    /** Not streaming. */
    IDLE
}
