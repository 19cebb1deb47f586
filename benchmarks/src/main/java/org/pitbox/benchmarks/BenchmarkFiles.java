package org.pitbox.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.iracing.ibt.IbtWriter;

/** The inputs of the benchmarks: real recordings from ../shared, and simulated sessions written once to a temp folder. */
final class BenchmarkFiles {
    /** iRacing 2024 writes 1072-byte rows; simulated rows are padded to that width so an hour is about 230 MB. */
    static final int IRACING_ROW_BYTES = 1072;
    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"), "pitbox-bench");

    private BenchmarkFiles() {
    }

    /** A real .ibt from {@code -Dpitbox.shared} or {@code ../shared}; fails with a clear message when absent. */
    static Path real(String name) {
        Path shared = Path.of(System.getProperty("pitbox.shared", "../shared"));
        Path file = shared.resolve("data/iracing/ibt").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("real recording not found: " + file.toAbsolutePath()
                    + " (run from the project folder with ../shared beside it, or set -Dpitbox.shared=DIR)");
        }
        return file;
    }

    /** A simulated session of {@code seconds}, with rows as wide as iRacing's; written once and reused. */
    static Path simulated(int seconds) throws IOException {
        Path file = TEMP.resolve("simulated-" + seconds + "s.ibt");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(TEMP);
        ChannelLayout sim = TelemetrySimulator.layout();
        List<ChannelDescriptor> channels = new ArrayList<>(sim.channels());
        int padding = (IRACING_ROW_BYTES - sim.rowLength()) / 4;
        channels.add(new ChannelDescriptor("Padding", ChannelType.FLOAT, padding, false, "", "row width filler",
                sim.rowLength()));
        ChannelLayout wide = new ChannelLayout(channels, sim.rowLength() + padding * 4);
        TelemetrySimulator simulator = new TelemetrySimulator(
                SimOptions.defaults().withDuration(seconds).withAutoPit(true).withSeed(2026));
        ByteBuffer row = ByteBuffer.allocate(wide.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        Path partial = TEMP.resolve(file.getFileName() + ".part");
        try (IbtWriter writer = IbtWriter.create(partial, wide, simulator.sessionInfoYaml(),
                TelemetrySimulator.TICK_RATE, 1_764_000_000L)) {
            while (simulator.next(row.clear())) {
                writer.append(row, 0);
            }
        }
        Files.move(partial, file);
        return file;
    }
}
