package org.pitbox.core.strategy;

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
}
