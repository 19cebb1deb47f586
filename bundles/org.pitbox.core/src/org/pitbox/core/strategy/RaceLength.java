package org.pitbox.core.strategy;

import org.pitbox.core.fuel.FuelFigures;

/**
 * A race of a number of laps, or of a time after which the first crossing of the line finishes it.
 * Exactly one of {@code laps} and {@code seconds} is set; the other is 0.
 */
public record RaceLength(int laps, double seconds) {

    public RaceLength {
        if (laps < 0 || !(seconds >= 0) || Double.isInfinite(seconds) || (laps > 0) == (seconds > 0)) {
            throw new IllegalArgumentException("a race has either laps or a positive time: " + laps + ", " + seconds);
        }
    }

    public static RaceLength laps(int laps) {
        return new RaceLength(laps, 0);
    }

    public static RaceLength time(double seconds) {
        return new RaceLength(0, seconds);
    }

    public boolean timed() {
        return seconds > 0;
    }

    /**
     * Laps to the flag from {@code position} (laps done, with the fraction of the lap in progress) at
     * {@code lapTime} seconds a lap; a timed race ends at the first crossing of the line after its time.
     * Negative when the laps done already go past the end.
     */
    public double lapsToGo(double position, double lapTime) {
        if (!timed()) {
            return laps - position;
        }
        double left = seconds - position * lapTime;
        return left > 0 ? FuelFigures.timedLapsToGo(left, lapTime, position - Math.floor(position)) : -1;
    }
}
