package org.pitbox.ui.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.sessioninfo.Driver;

/**
 * A session in the lap comparison: its file, its summary (laps), a name for it (the driver, else the file)
 * and the channels it can chart (single-valued ones).
 */
record CompareSession(Path file, IbtSummary summary, String name, List<String> channels) {
    /** Reads what the comparison needs; uses {@code known} instead of segmenting again when given. */
    static CompareSession read(Path file, IbtSummary known) throws IOException {
        try (IbtFile ibt = IbtFile.open(file)) {
            IbtSummary summary = known != null ? known : IbtSummary.of(ibt);
            List<String> channels = ibt.layout().channels().stream().filter(c -> c.count() == 1)
                    .map(ChannelDescriptor::name).toList();
            Driver player = summary.info().player();
            String name = player != null && player.userName() != null && !player.userName().isBlank()
                    ? player.userName() : file.getFileName().toString().replaceFirst("\\.ibt$", "");
            return new CompareSession(file, summary, name, channels);
        }
    }

    double trackLength() {
        return summary.info().weekend().trackLengthMeters();
    }
}
