package org.pitbox.core.fuel;

import java.util.Locale;

import org.pitbox.core.laps.LapTimes;

/**
 * The fuel figures as Team Live, Strategy and the command line show them: one name and one format per figure of
 * {@link FuelFigures}, the margin stated with fuel to add, "--" for what is not known, plurals that agree.
 */
public final class FuelText {
    public static final String LAPS_OF_FUEL = "Laps of fuel";
    public static final String TO_FLAG = "Fuel to the flag";
    public static final String TO_ADD = "Fuel to add";
    public static final String PIT_WINDOW = "Pit window";
    /** What an unknown figure shows. */
    public static final String UNKNOWN = "--";

    private FuelText() {
    }

    /** "12.3 L". */
    public static String litres(double litres) {
        return fixed(litres, 1, " L");
    }

    /** Litres a lap, with the precision they need: "0.51 L". */
    public static String perLap(double litres) {
        return fixed(litres, 2, " L");
    }

    /** "12.3 laps". */
    public static String laps(double laps) {
        return fixed(laps, 1, " laps");
    }

    /** Rounded half up as the overlay rounds its figures, so both show the same digits. */
    private static String fixed(double value, int decimals, String unit) {
        if (!Double.isFinite(value)) {
            return UNKNOWN;
        }
        double scale = decimals == 1 ? 10 : 100;
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.round(value * scale) / scale) + unit;
    }

    /** A margin fraction as people read it: "5 %", "2.5 %". */
    public static String margin(double fraction) {
        if (!Double.isFinite(fraction)) {
            return UNKNOWN;
        }
        double percent = Math.round(fraction * 1000) / 10.0;
        return (percent == Math.rint(percent) ? Long.toString((long) percent)
                : String.format(Locale.ROOT, "%.1f", percent)) + " %";
    }

    /** Fuel to add with its margin: "22.5 L (5 % margin)". */
    public static String toAdd(FuelFigures f) {
        return Double.isFinite(f.fuelToAdd()) ? litres(f.fuelToAdd()) + " (" + margin(f.margin()) + " margin)"
                : UNKNOWN;
    }

    /** An average per lap and the clean laps it holds: "0.51 L avg of 1 lap"; "--" before a clean lap. */
    public static String average(double perLap, int laps) {
        return laps > 0 && Double.isFinite(perLap) ? perLap(perLap) + " avg of " + LapTimes.count(laps, "lap")
                : UNKNOWN;
    }

    /** The pit window as a sentence; "--" when unknown. */
    public static String window(PitWindow w) {
        if (w == null) {
            return UNKNOWN;
        }
        if (!w.needed()) {
            return "No stop needed";
        }
        String more = " (" + LapTimes.count(w.stops(), "stop") + " to go)";
        if (!w.open()) {
            return "Box now: the fuel runs out on lap " + (w.latest() + 1) + more;
        }
        return "After lap " + w.earliest() + (w.latest() > w.earliest() ? " to lap " + w.latest() : "") + more;
    }

    /** m:ss under an hour, else h:mm:ss. */
    public static String clock(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return UNKNOWN;
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
