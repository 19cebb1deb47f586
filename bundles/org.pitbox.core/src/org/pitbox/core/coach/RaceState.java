package org.pitbox.core.coach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pitbox.core.flags.SessionFlag;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.PitWindow;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.live.LiveLap;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * The compact race state of one car, fed row by row (a live feed, or a recording's rows through
 * {@link Coach#run}): laps and sector times (through {@link LiveLap}, the live lap engine), each lap's corners
 * against the session's best clean lap (braking point, minimum and exit speed, time lost), fuel use and fuel to
 * the flag ({@link FuelFigures}), tyre temperatures, flags, incidents, spins and pit stops. After every completed
 * lap {@link #facts()} is a new {@link FactSheet}: the session's lap times and the details of that lap.
 * A spin is the yaw rate at {@link #SPIN_YAW} rad/s or more for {@link #SPIN_SECONDS}. Corners are found as the
 * analyses find them ({@link org.pitbox.core.analysis.builtin.Corners}), so their numbers agree.
 */
public final class RaceState {
    /** {@code raceLaps} of a session that is no race (practice, testing): nothing is worked out to the flag. */
    public static final int NOT_A_RACE = -1;
    static final double SPIN_YAW = 2;
    static final double SPIN_SECONDS = 0.25;
    static final String[] TYRES = {"LF", "RF", "LR", "RR"};
    private static final List<SessionFlag> FLAGS = List.of(SessionFlag.YELLOW, SessionFlag.CAUTION,
            SessionFlag.RED, SessionFlag.BLACK, SessionFlag.BLUE, SessionFlag.WHITE, SessionFlag.CHECKERED);

    private final LiveLap live;
    private final FuelFigures figures = new FuelFigures();
    private final LapSamples samples = new LapSamples();
    private double length;
    private final int raceLaps;
    private final int tickRate;
    private final int sectors;
    private final ChannelDescriptor time;
    private final ChannelDescriptor pct;
    private final ChannelDescriptor lapDist;
    private final ChannelDescriptor speed;
    private final ChannelDescriptor brake;
    private final ChannelDescriptor yaw;
    private final ChannelDescriptor flags;
    private final ChannelDescriptor incidents;
    private final ChannelDescriptor[][] tyreZones = new ChannelDescriptor[TYRES.length][];
    private final double[] tyreRow = new double[TYRES.length];

    private final List<Lap> laps = new ArrayList<>();
    private final List<Double> cleanTimes = new ArrayList<>();
    private double[] bestSectors;
    private LapView best;
    private double[] bestTyres;
    private int record;
    private long lapFlags;
    private int pitStops;
    private int spins;
    private double incidentsAtStart = Double.NaN;
    private double lastIncidents = Double.NaN;
    private FactSheet sheet = new FactSheet();

    /**
     * @param sectorStarts sector starts as lap distance (0, 0.33, ...); empty without sectors
     * @param trackLength  metres, for braking points; LapDist over LapDistPct replaces it (the session info's
     *                     TrackLength is rounded to 10 m)
     * @param tickRate     rows per second
     * @param raceLaps     laps of the race, for fuel to the flag; 0 to take the laps or time the session has left;
     *                     {@link #NOT_A_RACE}
     * @throws IllegalArgumentException when the layout lacks SessionTime, Lap, LapDistPct, Speed or Brake, or the
     *                                  track length is not positive
     */
    public RaceState(ChannelLayout layout, List<Double> sectorStarts, double trackLength, int tickRate,
            int raceLaps) {
        for (String name : new String[] {"SessionTime", "Lap", "LapDistPct", "Speed", "Brake"}) {
            if (!layout.has(name)) {
                throw new IllegalArgumentException("the telemetry has no " + name + " channel; the coach needs it");
            }
        }
        if (!(trackLength > 0)) {
            throw new IllegalArgumentException("the track length is unknown; the coach needs it for braking points");
        }
        live = new LiveLap(layout, sectorStarts);
        length = trackLength;
        this.raceLaps = raceLaps;
        this.tickRate = tickRate;
        sectors = live.sectorStarts().size();
        time = layout.require("SessionTime");
        pct = layout.require("LapDistPct");
        lapDist = layout.find("LapDist").filter(c -> c.count() == 1).orElse(null);
        speed = layout.require("Speed");
        brake = layout.require("Brake");
        yaw = layout.find("YawRate").orElse(null);
        flags = layout.find("SessionFlags").orElse(null);
        incidents = layout.find("PlayerCarMyIncidentCount").orElse(null);
        // iRacing refreshes carcass temperatures only in the pit stall: a recording's surface ones follow the lap
        String kind = layout.has("LFtempM") ? "temp" : "tempC";
        for (int w = 0; w < TYRES.length; w++) {
            String base = TYRES[w] + kind;
            tyreZones[w] = layout.has(base + "L") && layout.has(base + "M") && layout.has(base + "R")
                    ? new ChannelDescriptor[] {layout.require(base + "L"), layout.require(base + "M"),
                        layout.require(base + "R")}
                    : null;
        }
    }

    /** Reads the next row; true when it completed a lap, whose facts {@link #facts()} then holds. */
    public boolean update(Frame frame) {
        live.update(frame);
        double p = frame.value(pct, 0);
        double d = lapDist == null ? Double.NaN : frame.value(lapDist, 0);
        if (p > 0.1 && p <= 1 && d > 0) {
            length = d / p;
        }
        boolean ended = live.lapEnded();
        if (ended) {
            completed(live.endedLap());
            samples.clear();
            lapFlags = 0;
        }
        for (int w = 0; w < TYRES.length; w++) {
            ChannelDescriptor[] z = tyreZones[w];
            tyreRow[w] = z == null ? Double.NaN
                    : (frame.value(z[0], 0) + frame.value(z[1], 0) + frame.value(z[2], 0)) / 3;
        }
        lapFlags |= flags == null ? 0 : (long) frame.value(flags, 0);
        if (incidents != null && Double.isNaN(incidentsAtStart)) {
            incidentsAtStart = frame.value(incidents, 0);
        }
        samples.add(record++, frame.value(time, 0), frame.value(pct, 0), frame.value(speed, 0),
                frame.value(brake, 0), yaw == null ? 0 : frame.value(yaw, 0), tyreRow);
        lastIncidents = incidents == null ? Double.NaN : frame.value(incidents, 0);
        return ended;
    }

    /** The facts after the last completed lap; empty before one. */
    public FactSheet facts() {
        return sheet;
    }

    /** The laps completed so far, oldest first. */
    public List<Lap> laps() {
        return List.copyOf(laps);
    }

    /** The lap completed last, null before one. */
    public Lap lastLap() {
        return laps.isEmpty() ? null : laps.get(laps.size() - 1);
    }

    private void completed(Lap lap) {
        laps.add(lap);
        int n = lap.number();
        FactSheet s = new FactSheet();
        boolean timed = !lap.has(Lap.Flag.INCOMPLETE);
        boolean clean = lap.isClean();
        double previousBest = best == null ? Double.NaN : best.lap.lapTime();
        LapView view = LapView.of(samples, lap, tickRate);
        if (lap.has(Lap.Flag.IN_LAP)) {
            pitStops++;
        }
        lapFacts(s, lap, timed, previousBest);
        sectorFacts(s, lap, clean);
        if (clean && best != null) {
            Compare.corners(s, n, view, best, length);
        }
        double[] tyres = tyreMeans(lap);
        tyreFacts(s, n, tyres);
        spinFacts(s, lap, previousBest);
        paceFacts(s, lap, clean);
        if (clean && !(lap.lapTime() >= previousBest)) {
            best = view;
            bestTyres = tyres;
            s.add("lap" + n + ".vs_previous_best", lap.lapTime() - previousBest, "s", n, 0, 0, "SessionTime");
        }
        if (best != null) {
            s.add("best.time", best.lap.lapTime(), "s", best.lap.number(), 0, 0, "SessionTime");
            Compare.reference(s, best, length);
        }
        fuelFacts(s, lap);
        sessionFacts(s, lap);
        sheet = s;
    }

    private void lapFacts(FactSheet s, Lap lap, boolean timed, double previousBest) {
        for (Lap l : laps) {
            if (!l.has(Lap.Flag.INCOMPLETE)) {
                s.add("lap" + l.number() + ".time", l.lapTime(), "s", l.number(), 0, 0, "SessionTime");
            }
        }
        if (timed) {
            s.add("lap" + lap.number() + ".vs_best", lap.lapTime() - previousBest, "s", lap.number(), 0, 0,
                    "SessionTime");
        }
        s.add("lap" + lap.number() + ".fuel_used", lap.fuelUsed(), "L", lap.number(), 0, 0, "FuelLevel");
    }

    private void sectorFacts(FactSheet s, Lap lap, boolean clean) {
        if (sectors == 0) {
            return;
        }
        if (bestSectors == null) {
            bestSectors = new double[sectors];
            Arrays.fill(bestSectors, Double.NaN);
        }
        int n = lap.number();
        List<Double> times = lap.sectorTimes();
        for (int k = 0; k < sectors; k++) {
            double t = times.get(k);
            String at = "lap" + n + ".s" + (k + 1) + ".";
            s.add(at + "time", t, "s", n, k + 1, 0, "SessionTime");
            if (clean) {
                s.add(at + "vs_best", t - bestSectors[k], "s", n, k + 1, 0, "SessionTime");
                bestSectors[k] = t >= bestSectors[k] ? bestSectors[k] : t;
            }
        }
        for (int k = 0; k < sectors; k++) {
            s.add("best.s" + (k + 1) + ".time", bestSectors[k], "s", 0, k + 1, 0, "SessionTime");
        }
    }

    /** Each tyre's mean temperature over the lap, NaN without the channels. */
    private double[] tyreMeans(Lap lap) {
        double[] mean = new double[TYRES.length];
        for (int w = 0; w < TYRES.length; w++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < samples.size; i++) {
                if (samples.record[i] >= lap.firstRecord() && samples.record[i] <= lap.lastRecord()) {
                    sum += samples.tyre[w][i];
                    count++;
                }
            }
            mean[w] = count == 0 ? Double.NaN : sum / count;
        }
        return mean;
    }

    private void tyreFacts(FactSheet s, int n, double[] tyres) {
        for (int w = 0; w < TYRES.length; w++) {
            String at = "lap" + n + ".tyre." + TYRES[w].toLowerCase(Locale.ROOT) + ".";
            String channel = tyreZones[w] == null ? "" : tyreZones[w][1].name();
            s.add(at + "temp", tyres[w], "C", n, 0, 0, channel);
            if (bestTyres != null) {
                s.add(at + "vs_best", tyres[w] - bestTyres[w], "C", n, 0, 0, channel);
            }
        }
    }

    /** The first spin of the lap: where, and the time the lap lost to the best. */
    private void spinFacts(FactSheet s, Lap lap, double previousBest) {
        int start = -1;
        for (int i = 0; i < samples.size; i++) {
            boolean in = samples.record[i] >= lap.firstRecord() && samples.record[i] <= lap.lastRecord();
            if (!in || Math.abs(samples.yaw[i]) < SPIN_YAW) {
                start = -1;
            } else if (start < 0) {
                start = i;
            } else if (samples.time[i] - samples.time[start] >= SPIN_SECONDS) {
                spins++;
                int n = lap.number();
                int corner = best == null ? 0 : Compare.cornerAt(Compare.stretches(best, length), samples.pct[start]);
                s.add("lap" + n + ".spin.at", samples.pct[start] * length, "m", n, 0, corner, "YawRate");
                double lost = lap.has(Lap.Flag.INCOMPLETE) ? Double.NaN : lap.lapTime() - previousBest;
                s.add("lap" + n + ".spin.time_lost", lost, "s", n, 0, corner, "YawRate");
                return;
            }
        }
    }

    /** A clean lap against the mean of the three clean laps before it. */
    private void paceFacts(FactSheet s, Lap lap, boolean clean) {
        if (!clean) {
            return;
        }
        int n = lap.number();
        int held = cleanTimes.size();
        if (held >= 3) {
            double mean = (cleanTimes.get(held - 1) + cleanTimes.get(held - 2) + cleanTimes.get(held - 3)) / 3;
            s.add("lap" + n + ".previous_laps", 3, "laps", n, 0, 0, "");
            s.add("lap" + n + ".previous_average", mean, "s", n, 0, 0, "SessionTime");
            s.add("lap" + n + ".vs_previous", lap.lapTime() - mean, "s", n, 0, 0, "SessionTime");
        }
        cleanTimes.add(lap.lapTime());
    }

    private void fuelFacts(FactSheet s, Lap lap) {
        double perLap = live.fuelStats().average(FuelFigures.AVERAGE_LAPS);
        double position = live.position();
        double toGo = raceLaps > 0 && position >= 0 ? Math.max(0, raceLaps - position)
                : raceLaps == NOT_A_RACE ? Double.NaN : live.lapsToGo();
        figures.compute(perLap, live.fuelStats().averageLapTime(FuelFigures.AVERAGE_LAPS), live.tank(),
                FuelFigures.MARGIN, live.fuel(), toGo, position);
        int n = lap.number();
        s.add("fuel.level", figures.fuel(), "L", n, 0, 0, "FuelLevel");
        s.add("fuel.per_lap", figures.perLap(), "L", n, 0, 0, "FuelLevel");
        s.add("fuel.tank", live.tank(), "L", 0, 0, 0, "FuelLevelPct");
        s.add("fuel.laps_of_fuel", figures.lapsOfFuel(), "laps", n, 0, 0, "FuelLevel");
        s.add("fuel.laps_to_go", figures.lapsToGo(), "laps", n, 0, 0, raceLaps > 0 ? "" : "SessionLapsRemainEx");
        s.add("fuel.to_flag", figures.fuelToFlag(), "L", n, 0, 0, "FuelLevel");
        s.add("fuel.to_add", figures.fuelToAdd(), "L", n, 0, 0, "FuelLevel");
        s.add("fuel.margin", figures.margin() * 100, "%", 0, 0, 0, "");
        s.add("fuel.laps_short", figures.lapsToGo() - figures.lapsOfFuel(), "laps", n, 0, 0, "FuelLevel");
        PitWindow window = figures.pitWindow();
        if (window != null) {
            s.add("fuel.stops", window.stops(), "", n, 0, 0, "FuelLevel");
            if (window.needed()) {
                s.add("fuel.window_first", window.earliest(), "lap", window.earliest(), 0, 0, "FuelLevel");
                s.add("fuel.window_last", window.latest(), "lap", window.latest(), 0, 0, "FuelLevel");
            }
        }
    }

    private void sessionFacts(FactSheet s, Lap lap) {
        int n = lap.number();
        s.add("session.laps", laps.size(), "laps", n, 0, 0, "");
        s.add("session.pit_stops", pitStops, "", n, 0, 0, "OnPitRoad");
        s.add("session.spins", spins, "", n, 0, 0, "YawRate");
        s.add("session.incidents", lastIncidents - incidentsAtStart, "", n, 0, 0, "PlayerCarMyIncidentCount");
        for (SessionFlag f : FLAGS) {
            if ((lapFlags & f.bit()) != 0) {
                s.add("lap" + n + ".flag." + f.name().toLowerCase(Locale.ROOT), 1, "", n, 0, 0, "SessionFlags");
            }
        }
    }
}
