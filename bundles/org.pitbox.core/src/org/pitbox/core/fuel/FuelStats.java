package org.pitbox.core.fuel;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.pitbox.core.laps.Lap;

/**
 * Fuel use per lap over the clean laps of a run (no out, in, incomplete, refuel or off-track laps), for a
 * recording ({@link #of}) or lap by lap as a live session goes ({@link #add}). Averages take the last {@code n}
 * clean laps, or all of them when there are fewer ({@link #held} says how many); results are NaN without data.
 * Adding allocates only when the store doubles.
 */
public final class FuelStats {
    private double[] used = new double[64];
    private double[] lapTimes = new double[64];
    private int count;
    private double min = Double.NaN;
    private double max = Double.NaN;

    public static FuelStats of(List<Lap> laps) {
        return of(laps, Lap::isClean, Lap::fuelUsed, Lap::lapTime);
    }

    /** As {@link #of(List)}, for laps of any type: the analysis API's, for one. */
    public static <L> FuelStats of(List<L> laps, Predicate<L> clean, ToDoubleFunction<L> fuelUsed,
            ToDoubleFunction<L> lapTime) {
        FuelStats stats = new FuelStats();
        for (L lap : laps) {
            if (clean.test(lap)) {
                stats.add(fuelUsed.applyAsDouble(lap), lapTime.applyAsDouble(lap));
            }
        }
        return stats;
    }

    /** A clean lap: kept when it used fuel (a positive, finite amount). */
    public void add(double fuelUsed, double lapTime) {
        if (!(fuelUsed > 0) || Double.isInfinite(fuelUsed)) {
            return;
        }
        if (count == used.length) {
            used = Arrays.copyOf(used, count * 2);
            lapTimes = Arrays.copyOf(lapTimes, count * 2);
        }
        used[count] = fuelUsed;
        lapTimes[count++] = lapTime;
        min = count == 1 ? fuelUsed : Math.min(min, fuelUsed);
        max = count == 1 ? fuelUsed : Math.max(max, fuelUsed);
    }

    /** Clean laps counted. */
    public int laps() {
        return count;
    }

    /** Laps an average of the last {@code n} holds: {@code n}, or fewer while there are fewer. */
    public int held(int n) {
        return Math.max(0, Math.min(n, count));
    }

    /** Litres per clean lap, oldest first. */
    public double[] perLap() {
        return Arrays.copyOf(used, count);
    }

    public double last() {
        return count == 0 ? Double.NaN : used[count - 1];
    }

    public double average(int n) {
        return mean(used, n);
    }

    public double averageLapTime(int n) {
        return mean(lapTimes, n);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    private double mean(double[] values, int n) {
        int held = held(n);
        if (held == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = count - held; i < count; i++) {
            sum += values[i];
        }
        return sum / held;
    }
}
