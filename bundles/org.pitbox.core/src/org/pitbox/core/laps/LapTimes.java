package org.pitbox.core.laps;

import java.util.Locale;

/** Lap times and counts as people read them. */
public final class LapTimes {
    private LapTimes() {
    }

    /** m:ss.mmm, or "-" when there is no time (negative, NaN or infinite). */
    public static String format(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "-";
        }
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%d:%02d.%03d", millis / 60000, (millis / 1000) % 60, millis % 1000);
    }

    /** "1 lap", "3 laps", "0 clean laps": a count and its noun, plural unless the count is 1. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
