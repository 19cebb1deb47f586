package org.pitbox.core.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A place live telemetry comes from: iRacing, an .ibt replay or the simulator. Implementations are
 * DS services; the driver picks one by {@link #id()}.
 */
public interface TelemetrySource {
    /** A stable id, remembered in preferences: {@code iracing-live}, {@code ibt-replay}, {@code simulator}. */
    String id();

    /** A short name for people. */
    String name();

    /** Empty when the source can run on this machine, otherwise the reason it cannot. */
    Optional<String> unavailableReason();

    /** True when {@link #open(Path)} needs a file. */
    default boolean needsFile() {
        return false;
    }

    /** Starts the feed; {@code file} is null unless {@link #needsFile()}. */
    LiveFeed open(Path file) throws IOException;
}
