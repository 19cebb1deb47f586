package org.pitbox.core.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Recording;

/** A whole simulated session held in memory: for tests and short runs. */
public final class SimulatedRecording implements Recording {
    private final String yaml;
    private final ByteBuffer rows;
    private final int count;

    /** Runs the simulator to its end. */
    public SimulatedRecording(TelemetrySimulator sim) {
        int rowLength = TelemetrySimulator.layout().rowLength();
        SimOptions o = sim.options();
        double laps = o.laps() > 0 ? o.laps() + 3 : o.durationSeconds() / sim.idealLapTime() + 4;
        long estimate = (long) (laps * sim.idealLapTime() * 1.1 * TelemetrySimulator.TICK_RATE) + 1024;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, estimate * rowLength))
                .order(ByteOrder.LITTLE_ENDIAN);
        int n = 0;
        while (sim.hasNext()) {
            if (buf.remaining() < rowLength) {
                ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() / 2 * 3).order(ByteOrder.LITTLE_ENDIAN);
                bigger.put(buf.flip());
                buf = bigger;
            }
            sim.next(buf);
            n++;
        }
        this.count = n;
        this.rows = buf.flip().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        this.yaml = sim.sessionInfoYaml();
    }

    public static SimulatedRecording run(SimOptions options) {
        return new SimulatedRecording(new TelemetrySimulator(options));
    }

    @Override
    public ChannelLayout layout() {
        return TelemetrySimulator.layout();
    }

    @Override
    public int tickRate() {
        return TelemetrySimulator.TICK_RATE;
    }

    @Override
    public int recordCount() {
        return count;
    }

    @Override
    public String sessionInfoYaml() {
        return yaml;
    }

    @Override
    public ByteBuffer rows() {
        return rows;
    }

    @Override
    public int rowStart(int record) {
        return record * TelemetrySimulator.layout().rowLength();
    }
}
