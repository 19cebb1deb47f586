package org.pitbox.core.source;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongSupplier;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.sim.TelemetrySimulator;

/** Runs the simulator on the wall clock: each poll advances it to the tick that is due now. */
final class SimulatorFeed implements LiveFeed {
    private final TelemetrySimulator simulator;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final ByteBuffer row;
    private final String trackName;
    private long producedTick = -1;

    SimulatorFeed(TelemetrySimulator simulator, LongSupplier nanoClock) {
        this.simulator = simulator;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.row = ByteBuffer.allocate(TelemetrySimulator.layout().rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        this.trackName = simulator.track().displayName();
    }

    @Override
    public ChannelLayout layout() {
        return TelemetrySimulator.layout();
    }

    @Override
    public String sessionInfoYaml() {
        return simulator.sessionInfoYaml();
    }

    @Override
    public synchronized boolean readLatest(Frame frame) {
        long due = (nanoClock.getAsLong() - startNanos) * TelemetrySimulator.TICK_RATE / 1_000_000_000L;
        while (producedTick < due && simulator.hasNext()) {
            row.clear();
            simulator.next(row);
            producedTick++;
        }
        if (producedTick < 0 || producedTick == frame.tick()) {
            return false;
        }
        frame.row().put(0, row, 0, row.capacity());
        frame.setTick(producedTick);
        return true;
    }

    @Override
    public synchronized FeedStatus status() {
        return simulator.hasNext() ? FeedStatus.live("Simulating " + trackName)
                : new FeedStatus(FeedStatus.State.ENDED, "The simulated session at " + trackName + " is over");
    }

    @Override
    public void close() {
        // the simulator holds no resources
    }
}
