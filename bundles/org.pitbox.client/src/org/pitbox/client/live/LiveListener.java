package org.pitbox.client.live;

import org.pitbox.protocol.live.LiveControl;

/** Events of a {@link LivePublisher}, called on its own thread, one at a time; keep them short. */
public interface LiveListener {
    /** The state changed, or once a second while publishing (spooled seconds, bytes per second). */
    default void status(LiveStatus status) {
    }

    /** A radio message from the team. */
    default void radio(String fromName, String text) {
    }

    /** The server's coach hint after a lap: {@code text}, and {@code coach} (lap, where, source, insight). */
    default void coach(LiveControl hint) {
    }

    /** An engineer's pit stop to set: {@code pitPlan}, from {@code userId} and {@code name}. */
    default void pitPlan(LiveControl plan) {
    }

    /** Make the next video picture a key picture: a subscriber joined or missed pictures, or one was dropped. */
    default void videoKeyWanted() {
    }

    /** The spool was full and its oldest frames were dropped; dropped is the total so far. */
    default void spoolFull(long dropped) {
    }
}
