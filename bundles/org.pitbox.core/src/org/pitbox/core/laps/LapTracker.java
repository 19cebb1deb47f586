package org.pitbox.core.laps;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.pitbox.core.laps.Lap.Flag;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Rows;

/**
 * Cuts telemetry into laps one row at a time: the one lap engine behind {@link LapSegmenter} (a recording) and
 * the live models (a feed), so a file and a live session give the same laps. It reads SessionTime, Lap and
 * LapDistPct, and FuelLevel, OnPitRoad and PlayerTrackSurface when present. A lap ends where LapDistPct wraps
 * from near 1 to near 0; the crossing time and fuel are interpolated between the two rows. Invalid rows
 * (LapDistPct -1 or NaN) and repeated times (pause) are skipped; time going backwards, gaps, teleports and Lap
 * counter changes mid-lap break the lap. {@link #step} allocates nothing; {@link #lap()} builds the record of
 * the lap that just ended.
 */
public final class LapTracker {
    private static final double REFUEL_LITRES = 0.3;
    /** PlayerTrackSurface (irsdk_TrkLoc) off the racing surface. */
    private static final int OFF_TRACK = 0;
    private static final Flag[] FLAGS = Flag.values();

    private final double[] sectorStarts;
    private final ChannelDescriptor timeCh;
    private final ChannelDescriptor lapCh;
    private final ChannelDescriptor pctCh;
    private final ChannelDescriptor fuelCh;
    private final ChannelDescriptor pitCh;
    private final ChannelDescriptor surfaceCh;
    private final double maxGap;

    private boolean seen;
    private double prevTime;
    private double prevPct;
    private int prevLap;
    private double prevFuel;
    private long begun;

    private int number;
    private int first;
    private int last;
    private double startTime = Double.NaN;
    private double startPct;
    private double startFuel = Double.NaN;
    private boolean startedAtLine;
    private double maxPct;
    private boolean onPit;
    private boolean left;
    private boolean entered;
    private boolean offTrack;
    private double fuelMin;
    private boolean refuelled;
    private double[] sectorAt;
    private int nextSector;

    private int endNumber;
    private int endFirst;
    private int endLast;
    private double endStart = Double.NaN;
    private double endTime = Double.NaN;
    private double endStartPct;
    private double endPct;
    private int endFlags;
    private double[] endSectors;
    private double endFuel = Double.NaN;

    /**
     * @param layout       without SessionTime, Lap and LapDistPct the tracker finds no laps
     * @param sectorStarts sector start percentages such as [0, 0.33, 0.66]; 0 is added when missing
     * @param tickRate     rows per second; a gap of more than 5 rows (at least a second) breaks the lap
     */
    public LapTracker(ChannelLayout layout, List<Double> sectorStarts, int tickRate) {
        this(layout, sectorStarts, Math.max(1.0, 5.0 / Math.max(1, tickRate)));
    }

    /**
     * @param maxGapSeconds a longer gap between two rows breaks the lap: a recording's rows are consecutive, while
     *                      a live feed read at the display's pace may skip rows when the display stalls
     */
    public LapTracker(ChannelLayout layout, List<Double> sectorStarts, double maxGapSeconds) {
        this.sectorStarts = sectors(sectorStarts);
        sectorAt = new double[this.sectorStarts.length];
        endSectors = new double[this.sectorStarts.length];
        boolean lapped = layout.has("SessionTime") && layout.has("Lap") && layout.has("LapDistPct");
        timeCh = lapped ? layout.require("SessionTime") : null;
        lapCh = lapped ? layout.require("Lap") : null;
        pctCh = lapped ? layout.require("LapDistPct") : null;
        fuelCh = layout.find("FuelLevel").orElse(null);
        pitCh = layout.find("OnPitRoad").orElse(null);
        surfaceCh = layout.find("PlayerTrackSurface").orElse(null);
        maxGap = maxGapSeconds;
    }

    /** The sector starts checked, with 0 added when missing. */
    static double[] sectors(List<Double> starts) {
        double[] s = starts.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= 0 && s[i] < 1) || i > 0 && s[i] <= s[i - 1]) {
                throw new IllegalArgumentException("sector starts must rise within [0, 1): " + starts);
            }
        }
        if (s.length > 0 && s[0] != 0) {
            double[] withZero = new double[s.length + 1];
            System.arraycopy(s, 0, withZero, 1, s.length);
            s = withZero;
        }
        return s;
    }

    /** The sector starts used, beginning with 0; empty without sectors. */
    public List<Double> sectorStarts() {
        return DoubleList.of(sectorStarts);
    }

    /** Whether the layout has the lap channels. */
    public boolean usable() {
        return timeCh != null;
    }

    /**
     * Reads the row at {@code rowStart} of {@code rows} as row number {@code record}.
     *
     * @return true when a lap ended with this row; {@link #lap()} and the {@code lastLap} figures then tell it
     */
    public boolean step(ByteBuffer rows, int rowStart, int record) {
        if (timeCh == null) {
            return false;
        }
        double p = Rows.asDouble(rows, rowStart, pctCh, 0);
        double t = Rows.asDouble(rows, rowStart, timeCh, 0);
        if (!(p >= 0 && p <= 1) || Double.isNaN(t) || seen && t == prevTime) {
            return false;
        }
        int lap = (int) Rows.asDouble(rows, rowStart, lapCh, 0);
        double fuel = fuelCh == null ? Double.NaN : Rows.asDouble(rows, rowStart, fuelCh, 0);
        boolean pit = pitCh != null && Rows.asDouble(rows, rowStart, pitCh, 0) != 0;
        boolean off = surfaceCh != null && Rows.asDouble(rows, rowStart, surfaceCh, 0) == OFF_TRACK;
        boolean ended = false;
        if (!seen) {
            begin(record, t, p, fuel, pit, off, false, lap);
            seen = true;
        } else {
            ended = advance(record, t, p, lap, fuel, pit, off);
        }
        prevTime = t;
        prevPct = p;
        prevLap = lap;
        prevFuel = fuel;
        return ended;
    }

    /** Ends the lap in progress where the data ends; true when that made a lap. The next row starts afresh. */
    public boolean finish() {
        if (!seen) {
            return false;
        }
        seen = false;
        return end(prevTime, prevPct, prevFuel, false);
    }

    private boolean advance(int i, double t, double p, int lap, double fuel, boolean pit, boolean off) {
        double dt = t - prevTime;
        double maxStep = 0.02 + 0.25 * dt;
        if (dt < 0 || dt > maxGap) {
            return restart(i, t, p, lap, fuel, pit, off);
        }
        if (p - prevPct < -0.5) {
            double moved = 1 - prevPct + p;
            if (moved > maxStep) {
                return restart(i, t, p, lap, fuel, pit, off);
            }
            if (lap > number || maxPct > 0.5) {
                double f = (1 - prevPct) / moved;
                double tc = prevTime + f * dt;
                double fc = prevFuel + f * (fuel - prevFuel);
                boolean ended = end(tc, 1, fc, true);
                begin(i, tc, 0, fc, pit, off, true, Math.max(lap, number + 1));
                progress(0, tc, p, t);
                return ended;
            }
            add(i, fuel, pit, off);
        } else if (p - prevPct > 0.5) {
            if (1 - p + prevPct > maxStep) {
                return restart(i, t, p, lap, fuel, pit, off);
            }
            add(i, fuel, pit, off);
        } else if (Math.abs(p - prevPct) > maxStep || lap != prevLap && p > 0.02 && p < 0.98) {
            return restart(i, t, p, lap, fuel, pit, off);
        } else {
            add(i, fuel, pit, off);
            progress(prevPct, prevTime, p, t);
        }
        return false;
    }

    private boolean restart(int i, double t, double p, int lap, double fuel, boolean pit, boolean off) {
        boolean ended = end(prevTime, prevPct, prevFuel, false);
        begin(i, t, p, fuel, pit, off, false, lap);
        return ended;
    }

    private void begin(int i, double t, double p, double fuel, boolean pit, boolean off, boolean atLine, int lap) {
        begun++;
        number = lap;
        first = i;
        startTime = t;
        startPct = p;
        startFuel = fuel;
        startedAtLine = atLine;
        maxPct = p;
        left = false;
        entered = false;
        offTrack = false;
        onPit = pit;
        fuelMin = fuel;
        refuelled = false;
        Arrays.fill(sectorAt, Double.NaN);
        nextSector = 0;
        while (nextSector < sectorStarts.length && sectorStarts[nextSector] < p) {
            nextSector++;
        }
        if (nextSector < sectorStarts.length && sectorStarts[nextSector] == p) {
            sectorAt[nextSector++] = t;
        }
        add(i, fuel, pit, off);
    }

    private void add(int i, double fuel, boolean pit, boolean off) {
        last = i;
        offTrack |= off;
        if (pit != onPit) {
            entered |= pit;
            left |= !pit;
            onPit = pit;
        }
        if (fuel < fuelMin) {
            fuelMin = fuel;
        } else if (fuel - fuelMin > REFUEL_LITRES) {
            refuelled = true;
        }
    }

    private void progress(double p0, double t0, double p1, double t1) {
        if (p1 > maxPct) {
            maxPct = p1;
        }
        while (nextSector < sectorStarts.length && sectorStarts[nextSector] <= p1 && p1 > p0) {
            double s = sectorStarts[nextSector];
            sectorAt[nextSector++] = s <= p0 ? t0 : t0 + (s - p0) / (p1 - p0) * (t1 - t0);
        }
    }

    private boolean end(double t, double p, double fuel, boolean atLine) {
        if (t <= startTime) {
            return false;
        }
        int flags = 0;
        if (!startedAtLine || !atLine) {
            flags |= bit(Flag.INCOMPLETE);
        }
        if (pitCh != null) {
            flags |= left ? bit(Flag.OUT_LAP) : 0;
            flags |= entered || onPit ? bit(Flag.IN_LAP) : 0;
        } else if (!startedAtLine) {
            flags |= bit(Flag.OUT_LAP);
        }
        flags |= refuelled ? bit(Flag.REFUEL) : 0;
        flags |= offTrack ? bit(Flag.OFF_TRACK) : 0;
        for (int k = 0; k < sectorAt.length; k++) {
            double to = k + 1 < sectorAt.length ? sectorAt[k + 1] : atLine ? t : Double.NaN;
            endSectors[k] = to - sectorAt[k];
        }
        endNumber = number;
        endFirst = first;
        endLast = last;
        endStart = startTime;
        endTime = t;
        endStartPct = startPct;
        endPct = atLine ? 1 : p;
        endFlags = flags;
        endFuel = startFuel - fuel;
        return true;
    }

    private static int bit(Flag f) {
        return 1 << f.ordinal();
    }

    /** The lap that ended last, as a record; null before one. */
    public Lap lap() {
        if (Double.isNaN(endTime)) {
            return null;
        }
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        for (Flag f : FLAGS) {
            if ((endFlags & bit(f)) != 0) {
                flags.add(f);
            }
        }
        return new Lap(endNumber, endFirst, endLast, endStart, endTime, endStartPct, endPct, flags,
                DoubleList.of(endSectors), endFuel);
    }

    /** Seconds of the lap that ended last, NaN before one. */
    public double lastLapTime() {
        return endTime - endStart;
    }

    /** Litres the lap that ended last used, NaN before one or without FuelLevel. */
    public double lastLapFuel() {
        return endFuel;
    }

    /** Whether the lap that ended last has {@code flag}. */
    public boolean lastLapHas(Flag flag) {
        return (endFlags & bit(flag)) != 0;
    }

    /** Whether the lap that ended last was driven from line to line on track without refuelling. */
    public boolean lastLapClean() {
        return endFlags == 0 && !Double.isNaN(endTime);
    }

    /** Laps begun since construction: changes whenever a new lap starts. */
    public long lapsBegun() {
        return begun;
    }

    /** The Lap number of the lap in progress. */
    public int lapNumber() {
        return number;
    }

    /** Session time at the start of the lap in progress, NaN before a valid row. */
    public double lapStartTime() {
        return startTime;
    }

    /** Whether the lap in progress started at the line. */
    public boolean lapFromLine() {
        return startedAtLine;
    }

    /** Session time of the last valid row. */
    public double time() {
        return prevTime;
    }

    /** LapDistPct of the last valid row. */
    public double pct() {
        return prevPct;
    }
}
