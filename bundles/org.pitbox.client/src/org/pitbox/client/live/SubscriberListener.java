package org.pitbox.client.live;

import java.util.List;
import org.pitbox.protocol.live.LiveControl;

/**
 * Events of a {@link LiveSubscriber}, called on its own thread, one at a time, in the order the server sent
 * them. A slow listener does not block the socket: the server drops frames for it and they are counted.
 */
public interface SubscriberListener {
    /** The state changed, or once a second (frames, drops, latency). */
    default void status(SubscriberStatus status) {
    }

    /** A session started (or replaced another); rows that follow use its schema. */
    default void session(LiveSession session) {
    }

    /**
     * One decoded row of the session, seq going up. {@code row} is one buffer of the schema's row length,
     * reused for every row: copy what you keep.
     */
    default void row(long seq, byte[] row) {
    }

    /**
     * A picture of the driver's view: an H.264 access unit (Annex B) at {@code micros} on the session's clock
     * (row seq n is at {@code (n - 1) / rate} seconds); from a key picture on, and again from a key picture after
     * pictures were missed (seq jumps).
     */
    default void video(long seq, long micros, boolean key, byte[] accessUnit) {
    }

    /** A radio message from the driver or a team member (also the ones this subscriber sent). */
    default void radio(long fromUserId, String fromName, String text) {
    }

    /** The driver's radio as sound: 16 kHz mono samples, with the words heard ({@code text} null when none). */
    default void radioClip(long fromUserId, String fromName, String text, short[] samples) {
    }

    /** A coach hint the server sent the driver after a lap: {@code text} and {@code coach}. */
    default void coach(LiveControl hint) {
    }

    /** Who of the team is connected, and the team's live sessions. */
    default void presence(List<LiveControl.Member> members, List<LiveControl.Session> sessions) {
    }

    /** More frames were missed; total is {@link SubscriberStatus#dropped()}. */
    default void dropped(long total) {
    }

    /** The session ended at frame lastSeq; dropped is what this subscriber missed of it. */
    default void ended(long lastSeq, long dropped) {
    }

    /** The server refused something, for example radio from a viewer. */
    default void error(String text) {
    }
}
