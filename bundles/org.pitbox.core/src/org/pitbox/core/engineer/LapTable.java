package org.pitbox.core.engineer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapDelta;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.live.LiveLap;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.MemoryRecording;

/**
 * The completed laps of a live session, cut by {@link LapSegmenter} exactly as a recording of the same frames
 * would be: lap and sector times, fuel used and out, in, incomplete and refuel flags. It keeps only the lap
 * channels of the frames since the last completed lap and runs the segmenter over them when a lap ends, so
 * {@link #update(Frame)} allocates nothing on other frames. The best lap is the fastest clean one; a sector's
 * best comes from laps that are neither in nor out laps. {@link Lap#firstRecord()} and {@link Lap#lastRecord()}
 * count the frames fed to this table.
 */
public final class LapTable {
    private static final String[] LAP_CHANNELS = {"SessionTime", "Lap", "LapDistPct", "FuelLevel", "OnPitRoad"};
    private static final int TICK_RATE = 60;
    private static final int FIRST_CAPACITY = 2 * 60 * TICK_RATE;

    private final List<Double> sectorStarts;
    private final LapSegmenter segmenter;
    private final ChannelDescriptor[] source;
    private final int[] target;
    private final ChannelLayout kept;
    private final ChannelDescriptor lapChannel;
    private final ChannelDescriptor pctChannel;
    private final LiveLap live;
    private final List<Lap> laps = new ArrayList<>();
    private final List<Lap> lapsView = Collections.unmodifiableList(laps);
    private final double[] bestSectors;

    private byte[] rows;
    private int count;
    private int dropped;
    private int fresh;
    private int lastLap = Integer.MIN_VALUE;
    private double lastPct = Double.NaN;
    private Lap best;
    private LapDelta bestReference;

    /**
     * @param layout       the layout of the frames to come; without SessionTime, Lap and LapDistPct the table stays empty
     * @param sectorStarts sector starts such as {@link SectorSplits#of(String)} gives
     */
    public LapTable(ChannelLayout layout, List<Double> sectorStarts) {
        this.sectorStarts = sectorStarts.isEmpty() || sectorStarts.get(0) == 0 ? List.copyOf(sectorStarts)
                : Stream.concat(Stream.of(0.0), sectorStarts.stream()).toList();
        this.segmenter = new LapSegmenter(this.sectorStarts);
        boolean lapped = layout.has("SessionTime") && layout.has("Lap") && layout.has("LapDistPct");
        source = lapped ? Stream.of(LAP_CHANNELS).map(layout::find).flatMap(Optional::stream)
                .filter(c -> c.count() == 1).toArray(ChannelDescriptor[]::new) : new ChannelDescriptor[0];
        kept = ChannelLayout.packed(List.of(source));
        target = kept.channels().stream().mapToInt(ChannelDescriptor::offset).toArray();
        lapChannel = lapped ? layout.require("Lap") : null;
        pctChannel = lapped ? layout.require("LapDistPct") : null;
        live = new LiveLap(layout);
        bestSectors = new double[this.sectorStarts.size()];
        Arrays.fill(bestSectors, Double.NaN);
        rows = new byte[lapped ? FIRST_CAPACITY * kept.rowLength() : 0];
    }

    /** Reads one new frame of the layout given at construction. */
    public void update(Frame frame) {
        live.update(frame);
        if (lapChannel == null) {
            return;
        }
        int rowLength = kept.rowLength();
        if (rows.length < (count + 1) * rowLength) {
            segment();
            if (rows.length < (count + 1) * rowLength) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
        }
        for (int i = 0; i < source.length; i++) {
            frame.row().get(source[i].offset(), rows, count * rowLength + target[i], source[i].byteSize());
        }
        count++;
        int lap = (int) frame.value(lapChannel, 0);
        double pct = frame.value(pctChannel, 0);
        if (pct >= 0) {
            if (lap != lastLap || pct - lastPct < -0.5) {
                segment();
            }
            lastLap = lap;
            lastPct = pct;
        }
    }

    /**
     * Cuts the kept frames into laps, takes the ones that ended and drops their frames but the last, which
     * shows the segmenter where the next lap starts; with no lap at all, drops all frames but the last.
     */
    private void segment() {
        MemoryRecording recording = new MemoryRecording(kept, TICK_RATE, "",
                ByteBuffer.wrap(rows).order(ByteOrder.LITTLE_ENDIAN), count);
        List<Lap> found = segmenter.segment(recording);
        int drop = found.isEmpty() ? count - 1 : 0;
        int covered = 0;
        for (Lap lap : found) {
            if (lap.firstRecord() >= fresh && lap.lastRecord() < count - 1) {
                add(recording, lap);
                drop = lap.lastRecord();
                covered = 1;
            }
        }
        if (drop > 0) {
            System.arraycopy(rows, drop * kept.rowLength(), rows, 0, (count - drop) * kept.rowLength());
            count -= drop;
            dropped += drop;
            fresh = covered;
        }
    }

    private void add(MemoryRecording recording, Lap lap) {
        Lap rebased = new Lap(lap.number(), lap.firstRecord() + dropped, lap.lastRecord() + dropped,
                lap.startTime(), lap.endTime(), lap.startPct(), lap.endPct(), lap.flags(), lap.sectorTimes(),
                lap.fuelUsed());
        laps.add(rebased);
        if (lap.isClean() && (best == null || lap.lapTime() < best.lapTime())) {
            best = rebased;
            bestReference = LapDelta.of(recording, lap);
            live.setReference(bestReference);
        }
        if (countsForSectors(lap)) {
            for (int s = 0; s < bestSectors.length; s++) {
                double t = lap.sectorTimes().get(s);
                if (t > 0 && !(t >= bestSectors[s])) {
                    bestSectors[s] = t;
                }
            }
        }
    }

    private static boolean countsForSectors(Lap lap) {
        return !lap.has(Lap.Flag.OUT_LAP) && !lap.has(Lap.Flag.IN_LAP);
    }

    /** The completed laps, oldest first; a live view that grows as laps end. */
    public List<Lap> laps() {
        return lapsView;
    }

    /** The fastest clean lap, null before one. */
    public Lap best() {
        return best;
    }

    /** The best lap as a reference for the delta by distance, null before one. */
    public LapDelta bestReference() {
        return bestReference;
    }

    public List<Double> sectorStarts() {
        return sectorStarts;
    }

    public int sectorCount() {
        return sectorStarts.size();
    }

    /** The session's best time of sector {@code sector}, NaN before one. */
    public double bestSector(int sector) {
        return bestSectors[sector];
    }

    /** Whether sector {@code sector} of lap {@code index} (in {@link #laps()}) is the session's best. */
    public boolean isBestSector(int index, int sector) {
        Lap lap = laps.get(index);
        return countsForSectors(lap) && lap.sectorTimes().get(sector) == bestSectors[sector];
    }

    /** The sum of the best sectors, NaN until every sector has a time. */
    public double idealLapTime() {
        double sum = 0;
        for (double s : bestSectors) {
            sum += s;
        }
        return bestSectors.length == 0 ? Double.NaN : sum;
    }

    /** The Lap number of the lap in progress. */
    public int currentLap() {
        return live.lap();
    }

    /** Seconds into the lap in progress. */
    public double currentLapTime() {
        return live.lapTime();
    }

    /** Seconds behind (positive) or ahead of the best lap at this point of the lap, NaN without one. */
    public double currentDelta() {
        return live.delta();
    }
}
