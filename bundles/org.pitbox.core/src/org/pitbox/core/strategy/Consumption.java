package org.pitbox.core.strategy;

import org.pitbox.core.fuel.FuelStats;

/**
 * Litres per lap over the clean laps of a run, as a fuel calculator shows them; NaN without data.
 *
 * @param laps clean laps counted
 */
public record Consumption(int laps, double last, double average3, double average5, double average10,
        double min, double max) {

    public static Consumption of(FuelStats stats) {
        return new Consumption(stats.laps(), stats.last(), stats.average(3), stats.average(5), stats.average(10),
                stats.min(), stats.max());
    }

    /** Laps an average of the last {@code n} holds: {@code n}, or fewer while there are fewer clean laps. */
    public int held(int n) {
        return Math.max(0, Math.min(n, laps));
    }
}
