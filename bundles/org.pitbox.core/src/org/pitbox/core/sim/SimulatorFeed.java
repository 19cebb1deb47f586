package org.pitbox.core.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongSupplier;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.RecentRows;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * Runs the simulator on the wall clock: each read advances it to the tick that is due now. The last two
 * seconds of rows stay readable, so a reader taking every row misses none while the UI takes the newest.
 */
final class SimulatorFeed implements LiveFeed {
    private static final int KEPT_ROWS = 2 * TelemetrySimulator.TICK_RATE;

    private final TelemetrySimulator simulator;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final ByteBuffer row;
    private final RecentRows recent;
    private final String trackName;
    private long producedTick = -1;

    SimulatorFeed(TelemetrySimulator simulator, LongSupplier nanoClock) {
        this.simulator = simulator;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        int rowLength = TelemetrySimulator.layout().rowLength();
        this.row = ByteBuffer.allocate(rowLength).order(ByteOrder.LITTLE_ENDIAN);
        this.recent = new RecentRows(rowLength, KEPT_ROWS);
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
        produceDue();
        return recent.readLatest(frame);
    }

    @Override
    public synchronized boolean readNext(Frame frame) {
        produceDue();
        return recent.readNext(frame);
    }

    private void produceDue() {
        long due = (nanoClock.getAsLong() - startNanos) * TelemetrySimulator.TICK_RATE / 1_000_000_000L;
        while (producedTick < due && simulator.hasNext()) {
            row.clear();
            simulator.next(row);
            producedTick++;
            recent.add(row, producedTick);
        }
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
