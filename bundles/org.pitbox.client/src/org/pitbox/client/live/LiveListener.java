package org.pitbox.client.live;

/** Events of a {@link LivePublisher}, called on its own thread, one at a time; keep them short. */
public interface LiveListener {
    /** The state changed, or once a second while publishing (spooled seconds, bytes per second). */
    default void status(LiveStatus status) {
    }

    /** A radio message from the team. */
    default void radio(String fromName, String text) {
    }

    /** The spool was full and its oldest frames were dropped; dropped is the total so far. */
    default void spoolFull(long dropped) {
    }
}
