package org.pitbox.iracing.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.ReplayControl;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.ibt.IbtFile;

/**
 * Hands out the rows of an .ibt at the pace of the wall clock: in real time, slower or faster, paused, and from
 * wherever the driver seeks to. Every change of pace starts the arithmetic again from the position it reached.
 */
final class ReplayFeed implements LiveFeed, ReplayControl {
    /** Positions count in 1/(4e9) of a record: whole nanoseconds at quarter speeds add up exactly. */
    private static final long UNITS_PER_RECORD = 4_000_000_000L;
    /** Like the live feeds, {@link #readNext} goes back at most two seconds of wall time. */
    private static final int KEPT_SECONDS = 2;

    private final IbtFile ibt;
    private final String name;
    private final LongSupplier nanoClock;
    private final int lastRecord;
    private long baseNanos;
    private long baseUnits;
    /** The speed in quarters: 1 is 0.25x, 4 is real time, 64 is 16x. */
    private int quarters = 4;
    private boolean paused;
    /** Where the replay started or last jumped to: {@link #readNext} never goes back before it. */
    private int from;

    ReplayFeed(IbtFile ibt, String name, LongSupplier nanoClock) {
        this.ibt = ibt;
        this.name = name;
        this.nanoClock = nanoClock;
        this.lastRecord = Math.max(0, ibt.recordCount() - 1);
        this.baseNanos = nanoClock.getAsLong();
    }

    @Override
    public ChannelLayout layout() {
        return ibt.layout();
    }

    @Override
    public String sessionInfoYaml() {
        return ibt.sessionInfoYaml();
    }

    @Override
    public Optional<ReplayControl> replayControl() {
        return Optional.of(this);
    }

    private long units(long now) {
        long units = paused ? baseUnits : baseUnits + (now - baseNanos) * ibt.tickRate() * quarters;
        return Math.min(units, lastRecord * UNITS_PER_RECORD);
    }

    /** The record due now; the last one once the replay has run past the end. */
    private int currentRecord() {
        return (int) (units(nanoClock.getAsLong()) / UNITS_PER_RECORD);
    }

    /** Keeps the position reached so far and counts on from now. */
    private void rebase() {
        long now = nanoClock.getAsLong();
        baseUnits = units(now);
        baseNanos = now;
    }

    @Override
    public synchronized boolean readLatest(Frame frame) {
        if (ibt.recordCount() == 0) {
            return false;
        }
        int record = currentRecord();
        if (record == frame.tick()) {
            return false;
        }
        copy(record, frame);
        return true;
    }

    @Override
    public synchronized boolean readNext(Frame frame) {
        if (ibt.recordCount() == 0) {
            return false;
        }
        int due = currentRecord();
        long oldest = Math.max(from, due - (long) KEPT_SECONDS * ibt.tickRate() * quarters / 4);
        long next = frame.tick() + 1;
        if (next < oldest || next > due + 1) {
            next = oldest; // the reader fell behind, or the replay jumped past it
        }
        if (next > due) {
            return false;
        }
        copy((int) next, frame);
        return true;
    }

    private void copy(int record, Frame frame) {
        ibt.rows().get(ibt.rowStart(record), frame.row().array(), 0, ibt.layout().rowLength());
        frame.setTick(record);
    }

    @Override
    public synchronized double speed() {
        return quarters / 4.0;
    }

    @Override
    public synchronized void speed(double speed) {
        if (!SPEEDS.contains(speed)) {
            throw new IllegalArgumentException("replay speed " + speed + " is not one of " + SPEEDS);
        }
        rebase();
        quarters = (int) (speed * 4);
    }

    @Override
    public synchronized boolean paused() {
        return paused;
    }

    @Override
    public synchronized void pause() {
        rebase();
        paused = true;
    }

    @Override
    public synchronized void resume() {
        rebase();
        paused = false;
    }

    @Override
    public synchronized void seek(double seconds) {
        long record = Math.round(seconds * ibt.tickRate());
        from = Math.clamp(record, 0, lastRecord);
        baseUnits = from * UNITS_PER_RECORD;
        baseNanos = nanoClock.getAsLong();
    }

    @Override
    public synchronized double position() {
        return currentRecord() / (double) ibt.tickRate();
    }

    @Override
    public double duration() {
        return lastRecord / (double) ibt.tickRate();
    }

    @Override
    public synchronized FeedStatus status() {
        if (ibt.recordCount() == 0) {
            return new FeedStatus(FeedStatus.State.ENDED, name + " holds no records");
        }
        int record = currentRecord();
        String progress = LapTimes.format(record / (double) ibt.tickRate()) + " of " + LapTimes.format(duration());
        if (record == lastRecord) {
            return new FeedStatus(FeedStatus.State.ENDED, "Replay of " + name + " finished (" + progress + ")");
        }
        if (paused) {
            return FeedStatus.live("Paused " + name + " at " + progress);
        }
        String pace = quarters == 4 ? "" : " at " + ReplayControl.label(speed());
        return FeedStatus.live("Replaying " + name + pace + ": " + progress);
    }

    @Override
    public void close() {
        try {
            ibt.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
