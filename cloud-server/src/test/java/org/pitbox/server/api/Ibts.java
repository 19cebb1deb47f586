package org.pitbox.server.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.iracing.ibt.IbtWriter;

/** Small valid .ibt files from the telemetry simulator. */
final class Ibts {
    static final long START = 1_746_000_000L;

    private Ibts() {
    }

    static byte[] martinsville(int laps) throws IOException {
        Path file = Files.createTempFile("pitbox-test", ".ibt");
        try {
            TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                    .withLaps(laps));
            ByteBuffer row = ByteBuffer.allocate(TelemetrySimulator.layout().rowLength()).order(ByteOrder.LITTLE_ENDIAN);
            try (IbtWriter writer = IbtWriter.create(file, TelemetrySimulator.layout(), sim.sessionInfoYaml(), 60,
                    START)) {
                while (sim.next(row.clear())) {
                    writer.append(row, 0);
                }
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
