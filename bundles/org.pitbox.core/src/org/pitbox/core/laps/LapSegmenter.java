package org.pitbox.core.laps;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.pitbox.core.telemetry.Recording;

/**
 * Splits a recording into laps: its rows one by one through a {@link LapTracker}, the same engine the live
 * models use, so a file and a live session of the same rows give the same laps.
 */
public final class LapSegmenter {
    private final List<Double> sectorStarts;

    public LapSegmenter() {
        this(List.of());
    }

    /** @param sectorStarts sector start percentages such as [0, 0.33, 0.66]; 0 is added when missing */
    public LapSegmenter(List<Double> sectorStarts) {
        LapTracker.sectors(sectorStarts);
        this.sectorStarts = DoubleList.copyOf(sectorStarts);
    }

    /** @throws IllegalArgumentException when the recording lacks SessionTime, Lap or LapDistPct */
    public List<Lap> segment(Recording recording) {
        for (String name : new String[] {"SessionTime", "Lap", "LapDistPct"}) {
            recording.layout().require(name);
        }
        LapTracker tracker = new LapTracker(recording.layout(), sectorStarts, recording.tickRate());
        List<Lap> laps = new ArrayList<>();
        ByteBuffer rows = recording.rows();
        for (int i = 0, n = recording.recordCount(); i < n; i++) {
            if (tracker.step(rows, recording.rowStart(i), i)) {
                laps.add(tracker.lap());
            }
        }
        if (tracker.finish()) {
            laps.add(tracker.lap());
        }
        return laps;
    }
}
