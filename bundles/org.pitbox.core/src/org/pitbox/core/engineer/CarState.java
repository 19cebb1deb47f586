package org.pitbox.core.engineer;

import java.util.Arrays;
import java.util.Set;

import org.pitbox.core.flags.EngineWarning;
import org.pitbox.core.flags.SessionFlag;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.live.LiveLap;
import org.pitbox.core.strategy.Consumption;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * The car as the engineer watches it: fuel, its use per clean lap and the fuel figures (from the {@link LapTable}'s
 * {@link LiveLap}, the engine the overlay uses too), tyre temperatures and pressures, session flags, engine
 * warnings, repairs, incidents and pit road. Every figure is optional: NaN, -1, empty or false when the layout lacks its channel. {@link #update(Frame)}
 * allocates nothing but when the flags or warnings change.
 */
public final class CarState {
    /** The four tyres, in iRacing's channel prefixes. */
    public enum Tyre {
        LF, RF, LR, RR
    }

    private static final String[] ZONES = {"L", "M", "R"};
    private static final int TYRES = Tyre.values().length;

    private final LiveLap live;
    private final ChannelDescriptor pitRoad;
    private final ChannelDescriptor sessionFlags;
    private final ChannelDescriptor engineWarnings;
    private final ChannelDescriptor incidentCount;
    private final ChannelDescriptor repair;
    private final ChannelDescriptor optionalRepair;
    private final ChannelDescriptor[] carcass = new ChannelDescriptor[TYRES * 3];
    private final ChannelDescriptor[] surface = new ChannelDescriptor[TYRES * 3];
    private final ChannelDescriptor[] pressure = new ChannelDescriptor[TYRES];
    private final double[] carcassTemps = new double[TYRES * 3];
    private final double[] surfaceTemps = new double[TYRES * 3];
    private final double[] pressures = new double[TYRES];

    private boolean onPitRoad;
    private long flagBits = -1;
    private Set<SessionFlag> flags = Set.of();
    private long warningBits = -1;
    private Set<EngineWarning> warnings = Set.of();
    private int incidents = -1;
    private double repairLeft = Double.NaN;
    private double optionalRepairLeft = Double.NaN;
    private int consumptionLaps = -1;
    private Consumption consumption;

    /** @param table the lap table fed with the same frames, whose lap and fuel engine gives the fuel figures */
    public CarState(ChannelLayout layout, LapTable table) {
        live = table.live();
        pitRoad = find(layout, "OnPitRoad");
        sessionFlags = find(layout, "SessionFlags");
        engineWarnings = find(layout, "EngineWarnings");
        incidentCount = find(layout, "PlayerCarMyIncidentCount");
        repair = find(layout, "PitRepairLeft");
        optionalRepair = find(layout, "PitOptRepairLeft");
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
        return live.fuel();
    }

    /** Litres the tank holds, from FuelLevel over FuelLevelPct. */
    public double tankSize() {
        return live.tank();
    }

    /** Fuel use per clean lap: last, averages of 3, 5 and 10, min and max. */
    public Consumption consumption() {
        if (live.fuelStats().laps() != consumptionLaps) {
            consumptionLaps = live.fuelStats().laps();
            consumption = Consumption.of(live.fuelStats());
        }
        return consumption;
    }

    /**
     * The fuel figures now at {@code perLap} litres per lap (one of {@link #consumption()}'s figures) and
     * {@code margin} (a fraction, 0.05 for 5 %): the same calculation as the overlay's. Figures that cannot be
     * worked out yet (before a clean lap, without fuel channels or a session end) are NaN.
     */
    public FuelFigures fuelFigures(double perLap, double margin) {
        return live.figures(new FuelFigures(), perLap, margin);
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
