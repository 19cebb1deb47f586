package org.pitbox.iracing.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.iracing.ibt.IbtFile;

/** Replays an .ibt file as if it were live: in real time or faster, with pause and seek ({@link ReplayFeed}). */
@Component(service = TelemetrySource.class)
public final class IbtReplaySource implements TelemetrySource {
    public static final String ID = "ibt-replay";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Replay an .ibt file";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public boolean needsFile() {
        return true;
    }

    @Override
    public LiveFeed open(Path file) throws IOException {
        Objects.requireNonNull(file, "choose an .ibt file to replay");
        return new ReplayFeed(IbtFile.open(file), file.getFileName().toString(), System::nanoTime);
    }
}
