package org.pitbox.core.compare;

/**
 * One channel of every compared lap on the comparison's distance grid.
 *
 * @param name     channel name, or {@link Comparison#DELTA}
 * @param unit     the recording's unit text (SI: m/s, rad, 0..1 for "%")
 * @param discrete whole-numbered (gear, flags): values are never between two samples
 * @param values   one row per lap, one value per grid point; NaN where the lap has no data
 * @param min      lowest finite value over all laps, NaN when there is none
 * @param max      highest finite value over all laps, NaN when there is none
 */
public record ComparedChannel(String name, String unit, boolean discrete, double[][] values, double min,
        double max) {

    static ComparedChannel of(String name, String unit, boolean discrete, double[][] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (v < lo) {
                    lo = v;
                }
                if (v > hi) {
                    hi = v;
                }
            }
        }
        return lo > hi ? new ComparedChannel(name, unit, discrete, values, Double.NaN, Double.NaN)
                : new ComparedChannel(name, unit, discrete, values, lo, hi);
    }
}
