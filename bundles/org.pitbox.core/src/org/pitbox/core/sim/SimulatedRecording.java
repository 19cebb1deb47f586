package org.pitbox.core.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.pitbox.core.telemetry.MemoryRecording;

/** A whole simulated session held in memory: for tests and short runs. */
public final class SimulatedRecording extends MemoryRecording {
    /** Runs the simulator to its end. */
    public SimulatedRecording(TelemetrySimulator sim) {
        this(sim, drive(sim));
    }

    private SimulatedRecording(TelemetrySimulator sim, ByteBuffer rows) {
        super(TelemetrySimulator.layout(), TelemetrySimulator.TICK_RATE, sim.sessionInfoYaml(),
                rows.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN),
                rows.limit() / TelemetrySimulator.layout().rowLength());
    }

    public static SimulatedRecording run(SimOptions options) {
        return new SimulatedRecording(new TelemetrySimulator(options));
    }

    /** Every row of the session, in a buffer grown as needed from an estimate of its length. */
    private static ByteBuffer drive(TelemetrySimulator sim) {
        int rowLength = TelemetrySimulator.layout().rowLength();
        SimOptions o = sim.options();
        double laps = o.laps() > 0 ? o.laps() + 3 : o.durationSeconds() / sim.idealLapTime() + 4;
        long estimate = (long) (laps * sim.idealLapTime() * 1.1 * TelemetrySimulator.TICK_RATE) + 1024;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, estimate * rowLength))
                .order(ByteOrder.LITTLE_ENDIAN);
        while (sim.hasNext()) {
            if (buf.remaining() < rowLength) {
                ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() / 2 * 3).order(ByteOrder.LITTLE_ENDIAN);
                bigger.put(buf.flip());
                buf = bigger;
            }
            sim.next(buf);
        }
        return buf.flip();
    }
}
