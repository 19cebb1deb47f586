package org.pitbox.core.engineer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.pitbox.core.laps.Lap;
import org.pitbox.core.live.BestLap;
import org.pitbox.core.live.LiveLap;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * The completed laps of a live session as the engineer's lap table shows them: lap and sector times, fuel used
 * and out, in, incomplete, refuel and off-track flags, cut by the {@link LiveLap} engine exactly as a recording of
 * the same frames would be ({@link org.pitbox.core.laps.LapSegmenter}). {@link #update(Frame)} allocates nothing
 * but the record of a lap that ends. The best lap is the fastest clean one; a sector's best comes from laps that
 * are neither in nor out laps. {@link Lap#firstRecord()} and {@link Lap#lastRecord()} count the frames fed to
 * this table.
 */
public final class LapTable {
    private final LiveLap live;
    private final List<Double> sectorStarts;
    private final List<Lap> laps = new ArrayList<>();
    private final List<Lap> lapsView = Collections.unmodifiableList(laps);
    private final double[] bestSectors;
    private Lap best;

    /**
     * @param layout       the layout of the frames to come; without SessionTime, Lap and LapDistPct the table stays empty
     * @param sectorStarts sector starts such as {@link SectorSplits#of(String)} gives
     */
    public LapTable(ChannelLayout layout, List<Double> sectorStarts) {
        live = new LiveLap(layout, sectorStarts);
        this.sectorStarts = live.sectorStarts();
        bestSectors = new double[this.sectorStarts.size()];
        Arrays.fill(bestSectors, Double.NaN);
    }

    /** Reads one new frame of the layout given at construction. */
    public void update(Frame frame) {
        live.update(frame);
        if (live.lapEnded()) {
            add(live.endedLap());
        }
    }

    private void add(Lap lap) {
        laps.add(lap);
        if (lap.isClean() && (best == null || lap.lapTime() < best.lapTime())) {
            best = lap;
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

    /** The best lap as the reference for the delta by distance. */
    public BestLap bestReference() {
        return live.reference();
    }

    /** The lap and fuel engine behind the table, for the car's fuel figures. */
    public LiveLap live() {
        return live;
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
