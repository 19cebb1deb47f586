package org.pitbox.core.source;

import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/** An open telemetry stream that consumers poll at their own pace (the UI at display rate). */
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

    FeedStatus status();

    @Override
    void close();
}
