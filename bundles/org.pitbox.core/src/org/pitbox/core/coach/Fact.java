package org.pitbox.core.coach;

import java.util.Objects;

/**
 * One figure of the race state, and where it came from.
 *
 * @param id      unique in its sheet, such as {@code lap5.t3.time_lost}
 * @param value   finite
 * @param unit    {@code s}, {@code m}, {@code km/h}, {@code L}, {@code laps}, {@code lap} (a lap number), {@code C},
 *                {@code %}, or empty for a count
 * @param lap     the lap it is about, 0 for none
 * @param sector  the sector (from 1), 0 for none
 * @param corner  the corner (from 1, {@link Hint#corner}), 0 for none
 * @param channel the telemetry channel it was read from, empty when worked out from several
 */
public record Fact(String id, double value, String unit, int lap, int sector, int corner, String channel) {
    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(channel, "channel");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("fact " + id + " is not a finite number: " + value);
        }
    }
}
