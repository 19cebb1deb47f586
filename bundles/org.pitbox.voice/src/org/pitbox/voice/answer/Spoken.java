package org.pitbox.voice.answer;

import java.util.Locale;

import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.laps.LapTimes;

/** Figures as they are said: the overlay's rounding ({@link FuelText}, {@link LapTimes}), units in words. */
final class Spoken {
    private Spoken() {
    }

    /** "12.3 liters", rounded as the overlay rounds litres. */
    static String litres(double litres) {
        return FuelText.litres(litres).replace(" L", " liters");
    }

    /** "0.51 liters", as the overlay shows use per lap. */
    static String perLap(double litres) {
        return FuelText.perLap(litres).replace(" L", " liters");
    }

    /** "12.3 laps". */
    static String laps(double laps) {
        return FuelText.laps(laps);
    }

    /** "1 23.456": minutes, then seconds, as engineers read a lap time. */
    static String lapTime(double seconds) {
        String t = LapTimes.format(seconds);
        return t.startsWith("0:") ? t.substring(2) : t.replace(':', ' ');
    }

    /** "1.2 seconds". */
    static String gap(double seconds) {
        return String.format(Locale.ROOT, "%.1f seconds", Math.abs(seconds));
    }

    /** "1 hour 5 minutes", "12 minutes", "40 seconds". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return LapTimes.count(s, "second");
        }
        long minutes = s / 60 % 60;
        return s >= 3600 ? LapTimes.count(s / 3600, "hour") + (minutes > 0 ? " " + LapTimes.count(minutes, "minute") : "")
                : LapTimes.count(s / 60, "minute");
    }

    /** Whether a figure is known. */
    static boolean known(double v) {
        return Double.isFinite(v);
    }
}
