package org.pitbox.iracing.ibt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;

/** Streams a whole simulated session into an .ibt, one row at a time, however long the session. */
public final class SimulatedIbt {
    private SimulatedIbt() {
    }

    /** Writes the session and returns its record count. */
    public static int write(SimOptions options, Path target, long startEpochSecond) throws IOException {
        return write(new TelemetrySimulator(options), target, startEpochSecond);
    }

    /** Writes the session of {@code simulator} (a scenario's, for one) and returns its record count. */
    public static int write(TelemetrySimulator simulator, Path target, long startEpochSecond) throws IOException {
        ByteBuffer row = ByteBuffer.allocate(TelemetrySimulator.layout().rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        try (IbtWriter writer = IbtWriter.create(target, TelemetrySimulator.layout(), simulator.sessionInfoYaml(),
                TelemetrySimulator.TICK_RATE, startEpochSecond)) {
            while (simulator.next(row.clear())) {
                writer.append(row, 0);
            }
            return writer.recordCount();
        }
    }
}
