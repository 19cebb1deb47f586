package org.pitbox.core.coach;

import java.util.List;

/**
 * One coach hint after a completed lap: at most {@link #MAX_WORDS} words, every number in it taken from the fact
 * sheet of that lap.
 *
 * @param lap   the lap just completed (iRacing Lap number)
 * @param where {@link #corner(int)}, {@link #sector(int)}, "fuel", "tyres" or "lap"
 * @param facts ids of the facts the text cites
 */
public record Hint(int lap, String where, Kind kind, String text, List<String> facts) {
    public static final int MAX_WORDS = 15;

    /** What a hint is about, most urgent first: a lap gets the hint of its most urgent finding. */
    public enum Kind {
        FUEL_SHORT, SPIN, PIT_WINDOW, TYRES_HOT, BRAKING, CORNER_SPEED, SECTOR, PACE_DROP, NEW_BEST
    }

    public Hint {
        facts = List.copyOf(facts);
    }

    /** Corner {@code n} (from 1) as hints and scenarios name it: "T3". */
    public static String corner(int n) {
        return "T" + n;
    }

    /** Sector {@code n} (from 1): "S2". */
    public static String sector(int n) {
        return "S" + n;
    }

    /** The line the coach command prints: lap, where and text separated by tabs. */
    public String line() {
        return lap + "\t" + where + "\t" + text;
    }
}
