package org.pitbox.core.fuel;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.pitbox.core.laps.Lap;

/**
 * Fuel use per lap over the clean laps of a run (no out, in, incomplete or refuel laps). Averages take
 * the last {@code n} clean laps, or all of them when there are fewer; results are NaN without data.
 * Margins are fractions: 0.05 adds 5 %.
 */
public final class FuelStats {
    private final double[] used;
    private final double[] lapTimes;

    private FuelStats(double[] used, double[] lapTimes) {
        this.used = used;
        this.lapTimes = lapTimes;
    }

    public static FuelStats of(List<Lap> laps) {
        return of(laps, Lap::isClean, Lap::fuelUsed, Lap::lapTime);
    }

    /** As {@link #of(List)}, for laps of any type: the analysis API's, for one. */
    public static <L> FuelStats of(List<L> laps, Predicate<L> clean, ToDoubleFunction<L> fuelUsed,
            ToDoubleFunction<L> lapTime) {
        List<L> counted = laps.stream().filter(l -> clean.test(l) && fuelUsed.applyAsDouble(l) > 0
                && Double.isFinite(fuelUsed.applyAsDouble(l))).toList();
        return new FuelStats(counted.stream().mapToDouble(fuelUsed).toArray(),
                counted.stream().mapToDouble(lapTime).toArray());
    }

    /** Clean laps counted. */
    public int laps() {
        return used.length;
    }

    /** Litres per clean lap, oldest first. */
    public double[] perLap() {
        return used.clone();
    }

    public double last() {
        return used.length == 0 ? Double.NaN : used[used.length - 1];
    }

    public double average(int n) {
        return mean(used, n);
    }

    public double averageLapTime(int n) {
        return mean(lapTimes, n);
    }

    public double min() {
        double m = Double.NaN;
        for (double u : used) {
            m = Double.isNaN(m) ? u : Math.min(m, u);
        }
        return m;
    }

    public double max() {
        double m = Double.NaN;
        for (double u : used) {
            m = Double.isNaN(m) ? u : Math.max(m, u);
        }
        return m;
    }

    /** Laps {@code fuelLevel} litres last at the average of the last {@code n} laps. */
    public double lapsRemaining(double fuelLevel, int n) {
        return fuelLevel / average(n);
    }

    /** Litres to drive {@code lapsToGo} laps (fractions allowed) with a safety margin. */
    public double fuelToFinish(double lapsToGo, double margin, int n) {
        return Math.max(0, lapsToGo) * average(n) * (1 + margin);
    }

    /**
     * Litres to finish a timed race: the race ends at the first crossing of the line after
     * {@code secondsRemaining}, at the average lap time of the last {@code n} laps.
     */
    public double fuelToFinishTimed(double secondsRemaining, double lapPct, double margin, int n) {
        return fuelToFinish(lapsToGo(secondsRemaining, averageLapTime(n), lapPct), margin, n);
    }

    /** Litres to add at a stop, limited by the tank. */
    public double fuelToAdd(double lapsToGo, double fuelLevel, double tankSize, double margin, int n) {
        double add = fuelToFinish(lapsToGo, margin, n) - fuelLevel;
        return Math.max(0, Math.min(add, tankSize - fuelLevel));
    }

    /**
     * Laps left in a timed race for a car at {@code lapPct} of its lap: the rest of this lap plus the
     * full laps started before the time runs out.
     */
    public static double lapsToGo(double secondsRemaining, double lapTime, double lapPct) {
        double rest = 1 - lapPct;
        double after = secondsRemaining - rest * lapTime;
        return rest + (after > 0 ? Math.ceil(after / lapTime) : 0);
    }

    private static double mean(double[] values, int n) {
        int count = Math.min(n, values.length);
        if (count <= 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = values.length - count; i < values.length; i++) {
            sum += values[i];
        }
        return sum / count;
    }
}
