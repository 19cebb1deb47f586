package org.pitbox.server.live;

import java.util.function.Consumer;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.live.LiveControl;

/**
 * Watches a live session on the node its driver publishes to, in process: the relay decodes the session's frames
 * and hands each row over, in order, on a watcher thread (behind by more than {@link #QUEUE} frames, it drops
 * frames and carries on from the next keyframe). What it sends goes to the driver and to the session's
 * subscribers as the relay's own control message.
 */
public interface SessionWatch {
    /** Frames waiting for a watcher; more are dropped. */
    int QUEUE = 600;

    /** A session that opened: its team, key, driver, layout, rows per second and session-info YAML. */
    record Session(long teamId, String key, long driverUserId, ChannelLayout layout, int rate, String sessionInfo) {
    }

    /** Starts watching a session; null when it is not watched. */
    @FunctionalInterface
    interface Factory {
        SessionWatch open(Session session, Consumer<LiveControl> send);
    }

    Factory NONE = (session, send) -> null;

    /** The next decoded row; {@code frame} is reused for every row. */
    void row(Frame frame);

    /** The session ended on this node (or moved to another): no row follows. */
    void ended();
}
