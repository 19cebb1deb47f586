package org.pitbox.server.live;

/** Counters of the live relay; the server connects them to its metrics registry. No-op by default. */
public interface LiveMetrics {
    LiveMetrics NONE = new LiveMetrics() {
    };

    /** A frame arrived from a publisher and was recorded and relayed. */
    default void frameRelayed() {
    }

    /** Frames a subscriber did not get because it was too slow or joined between keyframes. */
    default void framesDropped(long count) {
    }

    /** +1 when a live session starts on this node, -1 when it ends. */
    default void liveSessions(int delta) {
    }

    /** A session's recording reached its byte limit: its later frames are relayed but not recorded. */
    default void recordingCut() {
    }

    /** A video picture was not recorded, JetStream's video stream being full or nearly: the stored video misses it. */
    default void videoRefused() {
    }

    /** +1 when a subscriber connects to this node, -1 when it leaves. */
    default void subscribers(int delta) {
    }

    /** A socket was disconnected because it did not read what it was sent (its outbox was full). */
    default void slowConsumer() {
    }
}
