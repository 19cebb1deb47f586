package org.pitbox.core.engineer;

import java.util.Arrays;
import java.util.Set;

import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.strategy.Consumption;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * The car as the engineer watches it: fuel and its use per lap (from the {@link LapTable}'s clean laps, through
 * {@link FuelStats}), tyre temperatures and pressures, session flags, engine warnings, repairs, incidents and pit
 * road. Every figure is optional: NaN, -1, empty or false when the layout lacks its channel. {@link #update(Frame)}
 * allocates nothing but when the flags or warnings change.
 */
public final class CarState {
    /** The four tyres, in iRacing's channel prefixes. */
    public enum Tyre {
        LF, RF, LR, RR
    }

    /** Laps remaining above this mean the session is not limited by laps (iRacing writes 32767). */
    private static final int UNLIMITED_LAPS = 10_000;
    /** Seconds remaining of a day or more mean the session is not timed (iRacing writes a week). */
    private static final double UNLIMITED_SECONDS = 86_400;
    private static final String[] ZONES = {"L", "M", "R"};
    private static final int TYRES = Tyre.values().length;

    private final LapTable table;
    private final ChannelDescriptor fuelLevel;
    private final ChannelDescriptor fuelLevelPct;
    private final ChannelDescriptor pitRoad;
    private final ChannelDescriptor sessionFlags;
    private final ChannelDescriptor engineWarnings;
    private final ChannelDescriptor incidentCount;
    private final ChannelDescriptor repair;
    private final ChannelDescriptor optionalRepair;
    private final ChannelDescriptor lapsRemain;
    private final ChannelDescriptor timeRemain;
    private final ChannelDescriptor lapCompleted;
    private final ChannelDescriptor lapDistPct;
    private final ChannelDescriptor[] carcass = new ChannelDescriptor[TYRES * 3];
    private final ChannelDescriptor[] surface = new ChannelDescriptor[TYRES * 3];
    private final ChannelDescriptor[] pressure = new ChannelDescriptor[TYRES];
    private final double[] carcassTemps = new double[TYRES * 3];
    private final double[] surfaceTemps = new double[TYRES * 3];
    private final double[] pressures = new double[TYRES];

    private double fuel = Double.NaN;
    private double tank = Double.NaN;
    private boolean onPitRoad;
    private long flagBits = -1;
    private Set<SessionFlag> flags = Set.of();
    private long warningBits = -1;
    private Set<EngineWarning> warnings = Set.of();
    private int incidents = -1;
    private double repairLeft = Double.NaN;
    private double optionalRepairLeft = Double.NaN;
    private double lapsLeft = Double.NaN;
    private double secondsLeft = Double.NaN;
    private double completed = Double.NaN;
    private double pct = Double.NaN;
    private int statsLaps = -1;
    private FuelStats stats;
    private Consumption consumption;

    /** @param table the lap table fed with the same frames, for the fuel used per lap */
    public CarState(ChannelLayout layout, LapTable table) {
        this.table = table;
        fuelLevel = find(layout, "FuelLevel");
        fuelLevelPct = find(layout, "FuelLevelPct");
        pitRoad = find(layout, "OnPitRoad");
        sessionFlags = find(layout, "SessionFlags");
        engineWarnings = find(layout, "EngineWarnings");
        incidentCount = find(layout, "PlayerCarMyIncidentCount");
        repair = find(layout, "PitRepairLeft");
        optionalRepair = find(layout, "PitOptRepairLeft");
        lapsRemain = find(layout, "SessionLapsRemainEx");
        timeRemain = find(layout, "SessionTimeRemain");
        lapCompleted = find(layout, "LapCompleted");
        lapDistPct = find(layout, "LapDistPct");
        for (Tyre t : Tyre.values()) {
            for (int z = 0; z < 3; z++) {
                carcass[t.ordinal() * 3 + z] = find(layout, t + "tempC" + ZONES[z]);
                surface[t.ordinal() * 3 + z] = find(layout, t + "temp" + ZONES[z]);
            }
            pressure[t.ordinal()] = find(layout, t + "pressure");
        }
        Arrays.fill(carcassTemps, Double.NaN);
        Arrays.fill(surfaceTemps, Double.NaN);
        Arrays.fill(pressures, Double.NaN);
    }

    private static ChannelDescriptor find(ChannelLayout layout, String name) {
        return layout.find(name).filter(c -> c.count() == 1).orElse(null);
    }

    /** Reads one new frame of the layout given at construction. */
    public void update(Frame frame) {
        fuel = read(frame, fuelLevel);
        double level = read(frame, fuelLevelPct);
        tank = level > 0.01 ? fuel / level : tank;
        onPitRoad = read(frame, pitRoad) > 0;
        long bits = sessionFlags == null ? -1 : (long) frame.value(sessionFlags, 0);
        if (bits != flagBits) {
            flagBits = bits;
            flags = bits < 0 ? Set.of() : SessionFlag.decode(bits);
        }
        bits = engineWarnings == null ? -1 : (long) frame.value(engineWarnings, 0);
        if (bits != warningBits) {
            warningBits = bits;
            warnings = bits < 0 ? Set.of() : EngineWarning.decode(bits);
        }
        incidents = incidentCount == null ? -1 : (int) frame.value(incidentCount, 0);
        repairLeft = read(frame, repair);
        optionalRepairLeft = read(frame, optionalRepair);
        lapsLeft = read(frame, lapsRemain);
        secondsLeft = read(frame, timeRemain);
        completed = read(frame, lapCompleted);
        pct = read(frame, lapDistPct);
        for (int i = 0; i < carcass.length; i++) {
            carcassTemps[i] = read(frame, carcass[i]);
            surfaceTemps[i] = read(frame, surface[i]);
        }
        for (int i = 0; i < pressure.length; i++) {
            pressures[i] = read(frame, pressure[i]);
        }
    }

    private static double read(Frame frame, ChannelDescriptor c) {
        return c == null ? Double.NaN : frame.value(c, 0);
    }

    /** Litres on board. */
    public double fuel() {
        return fuel;
    }

    /** Litres the tank holds, from FuelLevel over FuelLevelPct. */
    public double tankSize() {
        return tank;
    }

    /** Fuel use per clean lap: last, averages of 3, 5 and 10, min and max. */
    public Consumption consumption() {
        refreshStats();
        return consumption;
    }

    private void refreshStats() {
        if (table.laps().size() != statsLaps) {
            statsLaps = table.laps().size();
            stats = FuelStats.of(table.laps());
            consumption = Consumption.of(stats);
        }
    }

    /**
     * The fuel figures for the rest of the session at {@code perLap} litres per lap (one of
     * {@link #consumption()}'s figures) and the average lap time of the last five clean laps.
     *
     * @param margin safety margin as a fraction, 0.05 for 5 %
     * @return null before a clean lap, or without fuel level or tank size
     */
    public FuelPlan fuelPlan(double perLap, double margin) {
        refreshStats();
        double lapTime = stats.averageLapTime(5);
        double into = pct >= 0 ? pct : 0;
        double lapsToGo = Double.NaN;
        if (lapsLeft >= 0 && lapsLeft < UNLIMITED_LAPS) {
            lapsToGo = Math.max(0, lapsLeft - into);
        } else if (secondsLeft >= 0 && secondsLeft < UNLIMITED_SECONDS && lapTime > 0) {
            lapsToGo = FuelStats.lapsToGo(secondsLeft, lapTime, into);
        }
        return FuelPlan.of(perLap, lapTime, tank, margin, fuel, lapsToGo, completed + into);
    }

    /** Carcass temperature in °C of one tyre's zone (0 left, 1 middle, 2 right), NaN without the channel. */
    public double carcassTemp(Tyre tyre, int zone) {
        return carcassTemps[tyre.ordinal() * 3 + zone];
    }

    /** Surface temperature in °C of one tyre's zone (0 left, 1 middle, 2 right), NaN without the channel. */
    public double surfaceTemp(Tyre tyre, int zone) {
        return surfaceTemps[tyre.ordinal() * 3 + zone];
    }

    /** Hot pressure in kPa, NaN without the channel. */
    public double pressure(Tyre tyre) {
        return pressures[tyre.ordinal()];
    }

    public boolean hasCarcassTemps() {
        return carcass[0] != null;
    }

    public boolean hasSurfaceTemps() {
        return surface[0] != null;
    }

    public boolean hasPressures() {
        return pressure[0] != null;
    }

    public boolean onPitRoad() {
        return onPitRoad;
    }

    /** The session flags shown now; empty without a SessionFlags channel. */
    public Set<SessionFlag> flags() {
        return flags;
    }

    public boolean hasFlags() {
        return sessionFlags != null;
    }

    /** The engine warning lights on now; empty without an EngineWarnings channel. */
    public Set<EngineWarning> warnings() {
        return warnings;
    }

    /** The driver's incident count, -1 without the channel. */
    public int incidents() {
        return incidents;
    }

    /** Seconds of mandatory repairs left (damage), NaN without the channel. */
    public double repairLeft() {
        return repairLeft;
    }

    /** Seconds of optional repairs left, NaN without the channel. */
    public double optionalRepairLeft() {
        return optionalRepairLeft;
    }
}
