package org.pitbox.core.strategy;

import org.pitbox.core.fuel.FuelStats;

/**
 * Fuel arithmetic for a running race at one chosen consumption (for example {@link Consumption#average5()}).
 * The margin is a fraction (0.05 adds 5 %) and applies to everything that plans ahead: fuel to finish,
 * fuel to add and the pit window. Laps and time remaining are what the fuel lasts, without margin.
 */
public final class FuelCalculator {
    /** Slack for floating point when counting whole laps. */
    static final double EPS = 1e-9;

    private final double perLap;
    private final double lapTime;
    private final double tank;
    private final double margin;

    /**
     * @throws IllegalArgumentException unless perLap, lapTime and tank are positive and finite and the
     *                                  margin is at least 0
     */
    public FuelCalculator(double perLap, double lapTime, double tank, double margin) {
        positive("fuel per lap", perLap);
        positive("lap time", lapTime);
        positive("tank size", tank);
        if (!(margin >= 0 && margin < 10)) {
            throw new IllegalArgumentException("margin must be a fraction >= 0, got " + margin);
        }
        this.perLap = perLap;
        this.lapTime = lapTime;
        this.tank = tank;
        this.margin = margin;
    }

    static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
    }

    static void notNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be >= 0 and finite, got " + v);
        }
    }

    /** Laps the fuel lasts, fractions included. */
    public double lapsOnFuel(double fuel) {
        notNegative("fuel", fuel);
        return fuel / perLap;
    }

    /** Seconds the fuel lasts. */
    public double secondsOnFuel(double fuel) {
        return lapsOnFuel(fuel) * lapTime;
    }

    /** Laps left in a timed race for a car at {@code lapPct} of its lap; see {@link FuelStats#lapsToGo}. */
    public double lapsToGo(double secondsRemaining, double lapPct) {
        return FuelStats.lapsToGo(secondsRemaining, lapTime, lapPct);
    }

    /** Litres to drive {@code lapsToGo} laps with the margin. */
    public double fuelToFinish(double lapsToGo) {
        notNegative("laps to go", lapsToGo);
        return lapsToGo * perLap * (1 + margin);
    }

    /** Litres to add at the next stop to reach the flag, at most what fits in the tank. */
    public double fuelToAdd(double lapsToGo, double fuel) {
        notNegative("fuel", fuel);
        return Math.max(0, Math.min(fuelToFinish(lapsToGo) - fuel, tank - fuel));
    }

    /** Whole laps a full tank lasts with the margin. */
    public int lapsPerTank() {
        return (int) Math.floor(tank / (perLap * (1 + margin)) + EPS);
    }

    /**
     * The window for the next stop.
     *
     * @param position laps completed so far, with the fraction of the lap in progress (12.4)
     * @param fuel     litres on board
     * @param raceLaps laps in the race; for a timed race {@code position + lapsToGo(...)}
     * @throws IllegalArgumentException when a full tank lasts less than a lap
     */
    public PitWindow pitWindow(double position, double fuel, int raceLaps) {
        notNegative("position", position);
        int perTank = lapsPerTank();
        if (perTank < 1) {
            throw new IllegalArgumentException("a full tank of " + tank + " l lasts less than a lap");
        }
        int latest = (int) Math.floor(position + lapsOnFuel(fuel) / (1 + margin) + EPS);
        if (latest >= raceLaps) {
            return PitWindow.NONE;
        }
        int stops = Math.max(1, (raceLaps - latest + perTank - 1) / perTank);
        int earliest = Math.max((int) Math.ceil(position - EPS), raceLaps - stops * perTank);
        return new PitWindow(stops, earliest, latest);
    }
}
