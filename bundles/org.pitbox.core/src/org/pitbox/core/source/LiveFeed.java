package org.pitbox.core.source;

import java.util.Optional;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * An open telemetry stream that consumers poll at their own pace: the UI takes the newest row at display rate
 * ({@link #readLatest}), a streaming client takes every row ({@link #readNext}). Several consumers may poll the
 * same feed, each with its own frame.
 */
public interface LiveFeed extends AutoCloseable {
    ChannelLayout layout();

    /** The session-info YAML as of now, empty when none. */
    String sessionInfoYaml();

    /**
     * Copies the newest row into {@code frame} when there is one newer than the frame's tick.
     * Never blocks and allocates nothing.
     *
     * @return true when the frame changed
     */
    boolean readLatest(Frame frame);

    /**
     * Copies the row right after the frame's tick once it is due; when the feed no longer holds that row (the
     * reader fell behind, or the feed jumped) the oldest row it still holds, so the ticks show the gap. Never
     * blocks and allocates nothing. Feeds that keep no history hand out the newest row, as {@link #readLatest}.
     *
     * @return true when the frame changed, false when nothing new is due
     */
    default boolean readNext(Frame frame) {
        return readLatest(frame);
    }

    /** The replay controls when this feed replays a recording. */
    default Optional<ReplayControl> replayControl() {
        return Optional.empty();
    }

    FeedStatus status();

    @Override
    void close();
}
