package org.pitbox.core.live;

import java.util.List;

import org.pitbox.core.flags.SessionFlag;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTracker;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * The one live lap and fuel engine: the driver overlay and the engineer's models read every lap and fuel figure
 * from it. A {@link LapTracker} cuts the frames into laps by the rules a recording's segmenter uses; the best
 * clean lap is the reference for the delta ({@link BestLap}); the clean laps' fuel and times feed
 * {@link FuelStats}; what the session has left gives the laps to go; {@link #figures} works out the
 * {@link FuelFigures}. Channels are resolved once; {@link #update(Frame)} allocates nothing (but when the fuel
 * store doubles, every few dozen laps).
 */
public final class LiveLap {
    /**
     * The display reads the newest row at its own pace, and a relay stall drops frames: a gap of up to this many
     * seconds is a gap in the data, not a new lap (the engineer's traces and map follow the same rule).
     */
    public static final double GAP_SECONDS = 5;

    private final LapTracker tracker;
    private final BestLap best = new BestLap();
    private final FuelStats fuelStats = new FuelStats();
    private final ChannelDescriptor sessionTime;
    private final ChannelDescriptor lapDistPct;
    private final ChannelDescriptor fuelLevel;
    private final ChannelDescriptor fuelLevelPct;
    private final ChannelDescriptor lapsRemain;
    private final ChannelDescriptor timeRemain;
    private final ChannelDescriptor lapCompleted;
    private final ChannelDescriptor sessionFlags;

    private int frames;
    private long followed = -1;
    private boolean ended;
    private double pct = Double.NaN;
    private double fuel = Double.NaN;
    private double tank = Double.NaN;
    private double lapsLeft = Double.NaN;
    private double secondsLeft = Double.NaN;
    private boolean checkered;
    private double completed = Double.NaN;
    private double lapTime = Double.NaN;
    private double delta = Double.NaN;
    private double lastLapTime = Double.NaN;

    public LiveLap(ChannelLayout layout) {
        this(layout, List.of());
    }

    /** @param sectorStarts sector starts for the laps' sector times, as {@link LapTracker} takes them */
    public LiveLap(ChannelLayout layout, List<Double> sectorStarts) {
        tracker = new LapTracker(layout, sectorStarts, GAP_SECONDS);
        sessionTime = find(layout, "SessionTime");
        lapDistPct = find(layout, "LapDistPct");
        fuelLevel = find(layout, "FuelLevel");
        fuelLevelPct = find(layout, "FuelLevelPct");
        lapsRemain = find(layout, "SessionLapsRemainEx");
        timeRemain = find(layout, "SessionTimeRemain");
        lapCompleted = find(layout, "LapCompleted");
        sessionFlags = find(layout, "SessionFlags");
    }

    private static ChannelDescriptor find(ChannelLayout layout, String name) {
        return layout.find(name).filter(c -> c.count() == 1).orElse(null);
    }

    /** Reads one new frame of the layout given at construction. */
    public void update(Frame frame) {
        ended = tracker.step(frame.row(), 0, frames++);
        double time = read(frame, sessionTime);
        pct = read(frame, lapDistPct);
        fuel = read(frame, fuelLevel);
        double level = read(frame, fuelLevelPct);
        tank = level > 0.01 ? fuel / level : tank;
        lapsLeft = read(frame, lapsRemain);
        secondsLeft = read(frame, timeRemain);
        completed = read(frame, lapCompleted);
        checkered = sessionFlags != null && ((long) read(frame, sessionFlags) & SessionFlag.CHECKERED.bit()) != 0;
        if (ended) {
            take();
        }
        boolean fromLine = tracker.lapFromLine();
        if (tracker.lapsBegun() != followed) {
            followed = tracker.lapsBegun();
            if (fromLine) {
                best.start();
            } else {
                best.skip();
            }
        }
        if (fromLine) {
            best.sample(tracker.pct(), tracker.time() - tracker.lapStartTime());
        }
        lapTime = time - tracker.lapStartTime();
        delta = fromLine ? best.delta(pct, lapTime) : Double.NaN;
    }

    private static double read(Frame frame, ChannelDescriptor c) {
        return c == null ? Double.NaN : frame.value(c, 0);
    }

    /** The lap that just ended: the last lap time, the best lap when it is clean and faster, its fuel use. */
    private void take() {
        double time = tracker.lastLapTime();
        boolean clean = tracker.lastLapClean();
        best.end(time, clean);
        if (!tracker.lastLapHas(Lap.Flag.INCOMPLETE)) {
            lastLapTime = time;
        }
        if (clean) {
            fuelStats.add(tracker.lastLapFuel(), time);
        }
    }

    /** Whether the last frame ended a lap; {@link #endedLap()} is that lap. */
    public boolean lapEnded() {
        return ended;
    }

    /** The lap that ended last, as a new record; null before one. */
    public Lap endedLap() {
        return tracker.lap();
    }

    /** The sector starts the laps are timed with, beginning with 0; empty without sectors. */
    public List<Double> sectorStarts() {
        return tracker.sectorStarts();
    }

    /** The Lap number of the lap in progress. */
    public int lap() {
        return tracker.lapNumber();
    }

    /** Seconds since this lap started, or since the first frame when the tracker joined mid-lap. */
    public double lapTime() {
        return lapTime;
    }

    public double lapDistPct() {
        return pct;
    }

    /** Seconds behind (positive) or ahead of the best clean lap here; NaN without one or on a lap not from the line. */
    public double delta() {
        return delta;
    }

    /** The best clean lap: the reference of the delta. */
    public BestLap reference() {
        return best;
    }

    /** The best clean lap's time, NaN before one. */
    public double bestLapTime() {
        return best.bestTime();
    }

    /** The last lap driven from line to line (clean or not), NaN before one. */
    public double lastLapTime() {
        return lastLapTime;
    }

    /** Litres in the tank. */
    public double fuel() {
        return fuel;
    }

    /** Litres a full tank holds, from FuelLevel over FuelLevelPct; NaN until known. */
    public double tank() {
        return tank;
    }

    /** Fuel use and lap times of the clean laps so far. */
    public FuelStats fuelStats() {
        return fuelStats;
    }

    /**
     * Laps to the flag including the rest of this one, 0 once the checkered flag is out; NaN when the session has no
     * end or no pace yet.
     */
    public double lapsToGo() {
        return checkered ? 0 : FuelFigures.lapsToGo(lapsLeft, secondsLeft, fuelStats.averageLapTime(FuelFigures.AVERAGE_LAPS), pct);
    }

    /** Laps completed with the fraction of the lap in progress; NaN without LapCompleted. */
    public double position() {
        return completed >= 0 ? completed + (pct >= 0 && pct <= 1 ? pct : 0) : Double.NaN;
    }

    /**
     * The fuel figures now at {@code perLap} litres a lap (one of the {@link #fuelStats()} figures) and
     * {@code margin}, with the average lap time of the last {@link FuelFigures#AVERAGE_LAPS} clean laps.
     *
     * @return {@code into}, computed again
     */
    public FuelFigures figures(FuelFigures into, double perLap, double margin) {
        return into.compute(perLap, fuelStats.averageLapTime(FuelFigures.AVERAGE_LAPS), tank, margin, fuel,
                lapsToGo(), position());
    }
}
