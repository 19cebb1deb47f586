package org.pitbox.core.live;

import org.pitbox.core.laps.LapDelta;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * The channels a driver and an engineer derive from each live frame: lap time so far, the delta to a
 * reference lap, fuel used this lap, the average use of recent laps and the laps that fuel lasts.
 * Channels are resolved once; {@link #update(Frame)} allocates nothing.
 */
public final class LiveLap {
    /** Laps averaged for fuel use. */
    public static final int FUEL_WINDOW = 5;

    private final ChannelDescriptor sessionTime;
    private final ChannelDescriptor lap;
    private final ChannelDescriptor lapDistPct;
    private final ChannelDescriptor fuelLevel;
    private final double[] recentFuel = new double[FUEL_WINDOW];
    private LapDelta reference;

    private int currentLap = Integer.MIN_VALUE;
    private double lapStartTime = Double.NaN;
    private double lapStartFuel = Double.NaN;
    private int fuelLaps;
    private boolean lapStartSeen;
    private double elapsed = Double.NaN;
    private double pct = Double.NaN;
    private double fuel = Double.NaN;
    private double delta = Double.NaN;
    private double lastLapFuel = Double.NaN;

    public LiveLap(ChannelLayout layout) {
        sessionTime = layout.find("SessionTime").orElse(null);
        lap = layout.find("Lap").orElse(null);
        lapDistPct = layout.find("LapDistPct").orElse(null);
        fuelLevel = layout.find("FuelLevel").orElse(null);
    }

    /** The lap to compare against (the session best, say); null for none. */
    public void setReference(LapDelta reference) {
        this.reference = reference;
    }

    public void update(Frame frame) {
        if (sessionTime == null || lap == null || lapDistPct == null) {
            return;
        }
        double time = frame.value(sessionTime, 0);
        int lapNumber = (int) frame.value(lap, 0);
        pct = frame.value(lapDistPct, 0);
        fuel = fuelLevel == null ? Double.NaN : frame.value(fuelLevel, 0);
        if (lapNumber != currentLap) {
            boolean nextLap = lapNumber == currentLap + 1;
            if (nextLap && lapStartSeen && fuel <= lapStartFuel) {
                lastLapFuel = lapStartFuel - fuel;
                recentFuel[fuelLaps++ % FUEL_WINDOW] = lastLapFuel;
            }
            lapStartSeen = nextLap;
            currentLap = lapNumber;
            lapStartTime = time;
            lapStartFuel = fuel;
        }
        elapsed = time - lapStartTime;
        delta = reference == null || !(pct >= 0) ? Double.NaN : reference.delta(pct, elapsed);
    }

    public int lap() {
        return currentLap;
    }

    /** Seconds since this lap started, or since the first frame when the tracker joined mid-lap. */
    public double lapTime() {
        return elapsed;
    }

    public double lapDistPct() {
        return pct;
    }

    /** Seconds ahead (negative) or behind (positive) the reference lap at this point; NaN without one. */
    public double delta() {
        return delta;
    }

    public double fuel() {
        return fuel;
    }

    public double fuelThisLap() {
        return lapStartFuel - fuel;
    }

    public double lastLapFuel() {
        return lastLapFuel;
    }

    /** Average use over the last {@link #FUEL_WINDOW} full laps; NaN before the first. */
    public double averageLapFuel() {
        int n = Math.min(fuelLaps, FUEL_WINDOW);
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += recentFuel[i];
        }
        return sum / n;
    }

    /** Laps the fuel in the tank lasts at the average use; NaN before the first full lap. */
    public double lapsOfFuel() {
        double average = averageLapFuel();
        return average > 0 ? fuel / average : Double.NaN;
    }
}
