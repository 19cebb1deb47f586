package org.pitbox.app.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.sessioninfo.Driver;

/**
 * A session in the lap comparison: its file, its summary (laps), a name for it (the driver, else the file),
 * the channels it can chart (single-valued ones), its channel layout (what math channels may use) and the lap's
 * length in metres, as the workbench's analyses take it ({@link IbtSummary#trackLengthMeters}).
 */
public record CompareSession(Path file, IbtSummary summary, String name, List<String> channels, ChannelLayout layout,
        double trackLength) {
    /**
     * Reads what the comparison needs; uses {@code known} instead of segmenting again when given. Reports
     * its three steps (open, laps, channels) to {@code task}, which throws when the user cancels.
     */
    public static CompareSession read(Path file, IbtSummary known, LapComparison.Progress task) throws IOException {
        task.step(0, 3);
        try (IbtFile ibt = IbtFile.open(file)) {
            task.step(1, 3);
            IbtSummary summary = known != null ? known : IbtSummary.of(ibt);
            task.step(2, 3);
            List<String> channels = ibt.layout().channels().stream().filter(c -> c.count() == 1)
                    .map(ChannelDescriptor::name).toList();
            Driver player = summary.info().player();
            String name = player != null && player.userName() != null && !player.userName().isBlank()
                    ? player.userName() : file.getFileName().toString().replaceFirst("\\.ibt$", "");
            task.step(3, 3);
            return new CompareSession(file, summary, name, channels, ibt.layout(),
                    IbtSummary.trackLengthMeters(ibt, summary.info()));
        }
    }
}
