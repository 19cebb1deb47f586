package org.pitbox.iracing.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.LongSupplier;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.ibt.IbtFile;

/** Hands out the row of an .ibt that matches the wall-clock time since the replay started. */
final class ReplayFeed implements LiveFeed {
    private final IbtFile ibt;
    private final String name;
    private final LongSupplier nanoClock;
    private final long startNanos;

    ReplayFeed(IbtFile ibt, String name, LongSupplier nanoClock) {
        this.ibt = ibt;
        this.name = name;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    @Override
    public ChannelLayout layout() {
        return ibt.layout();
    }

    @Override
    public String sessionInfoYaml() {
        return ibt.sessionInfoYaml();
    }

    /** The record due now; the last one once the replay has run past the end. */
    int currentRecord() {
        long elapsed = nanoClock.getAsLong() - startNanos;
        long record = elapsed * ibt.tickRate() / 1_000_000_000L;
        return (int) Math.min(record, ibt.recordCount() - 1L);
    }

    @Override
    public boolean readLatest(Frame frame) {
        if (ibt.recordCount() == 0) {
            return false;
        }
        int record = currentRecord();
        if (record == frame.tick()) {
            return false;
        }
        int length = ibt.layout().rowLength();
        ibt.rows().get(ibt.rowStart(record), frame.row().array(), 0, length);
        frame.setTick(record);
        return true;
    }

    @Override
    public FeedStatus status() {
        int count = ibt.recordCount();
        if (count == 0) {
            return new FeedStatus(FeedStatus.State.ENDED, name + " holds no records");
        }
        int record = currentRecord();
        double rate = ibt.tickRate();
        String progress = LapTimes.format(record / rate) + " of " + LapTimes.format((count - 1) / rate);
        return record >= count - 1
                ? new FeedStatus(FeedStatus.State.ENDED, "Replay of " + name + " finished (" + progress + ")")
                : FeedStatus.live("Replaying " + name + ": " + progress);
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
