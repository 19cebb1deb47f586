package org.pitbox.app.strategy;

import java.util.Locale;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.strategy.RaceLength;
import org.pitbox.core.strategy.Stint;
import org.pitbox.core.strategy.StintPlan;

/**
 * The Strategy part's figures: reading the typed figures, the fuel figures from them (the live
 * car's come from the car's {@link FuelFigures}) and the text shown for them, in the words of {@link FuelText}.
 */
public final class StrategyFigures {
    /** A typed figure: its value, or why it is not one (then the value is NaN). */
    public record Parsed(double value, String error) {
        public static Parsed of(double value) {
            return new Parsed(value, null);
        }

        public static Parsed bad(String error) {
            return new Parsed(Double.NaN, error);
        }

        public boolean ok() {
            return error == null;
        }
    }

    private StrategyFigures() {
    }

    /** A number above 0, with an optional unit typed after it ("2.5", "2,5 L"). */
    public static Parsed positive(String text) {
        Parsed p = number(text);
        return !p.ok() || p.value() > 0 ? p : Parsed.bad("must be above 0");
    }

    /** A number of 0 or more. */
    public static Parsed notNegative(String text) {
        Parsed p = number(text);
        return !p.ok() || p.value() >= 0 ? p : Parsed.bad("must not be negative");
    }

    /** Whole laps, at least {@code min}. */
    public static Parsed wholeLaps(String text, int min) {
        Parsed p = number(text);
        if (!p.ok()) {
            return p;
        }
        double v = p.value();
        if (v != Math.rint(v)) {
            return Parsed.bad("whole laps only");
        }
        return v >= min && v <= 100_000 ? p : Parsed.bad(min == 0 ? "must not be negative" : "at least " + min);
    }

    /** Seconds from "1:32.4" (m:ss.s) or "92.4"; above 0. */
    public static Parsed duration(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            return positive(t);
        }
        Parsed minutes = number(t.substring(0, colon));
        Parsed seconds = number(t.substring(colon + 1));
        if (!minutes.ok() || !seconds.ok() || minutes.value() < 0 || minutes.value() != Math.rint(minutes.value())
                || seconds.value() < 0 || seconds.value() >= 60) {
            return Parsed.bad("type m:ss.s, e.g. 1:32.4");
        }
        double s = minutes.value() * 60 + seconds.value();
        return s > 0 ? Parsed.of(s) : Parsed.bad("must be above 0");
    }

    /** A safety margin typed in percent, as a fraction. */
    public static Parsed margin(String text) {
        Parsed p = notNegative(text.replace("%", ""));
        if (!p.ok()) {
            return p;
        }
        return p.value() <= 100 ? Parsed.of(p.value() / 100) : Parsed.bad("at most 100 %");
    }

    private static Parsed number(String text) {
        String t = text.strip().replace(',', '.').replaceFirst("(?i)\\s*(l|s|laps?|min|%)$", "");
        if (t.isEmpty()) {
            return Parsed.bad("needed");
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? Parsed.of(v) : Parsed.bad("not a number");
        } catch (NumberFormatException e) {
            return Parsed.bad("not a number");
        }
    }

    /**
     * The fuel figures from typed figures, {@code lapsDone} laps into the race: the calculation the live car's
     * figures come from, with the laps to go from the race length ({@link RaceLength#lapsToGo}).
     *
     * @throws IllegalArgumentException with a sentence for the engineer when the figures do not make a race
     */
    public static FuelFigures typed(double perLap, double lapTime, double tank, double fuel, double margin, RaceLength race,
            int lapsDone) {
        if (fuel > tank + 1e-9) {
            throw new IllegalArgumentException("Fuel on board (" + FuelText.litres(fuel)
                    + ") is more than the tank holds (" + FuelText.litres(tank) + ").");
        }
        double lapsToGo = race.lapsToGo(lapsDone, lapTime);
        if (lapsToGo < 0) {
            throw new IllegalArgumentException(race.timed()
                    ? lapsDone + " laps at " + lapTime(lapTime) + " take longer than the "
                            + FuelText.clock(race.seconds()) + " race."
                    : "Laps done (" + lapsDone + ") are more than the race's " + race.laps() + ".");
        }
        FuelFigures f = new FuelFigures().compute(perLap, lapTime, tank, margin, fuel, lapsToGo, lapsDone);
        if (f.lapsPerTank() < 1) {
            throw new IllegalArgumentException("A full tank of " + FuelText.litres(tank)
                    + " lasts less than a lap at " + perLap(perLap * (1 + margin)) + " with the margin.");
        }
        return f;
    }

    /** The plan in a sentence or two: stints, stops, the flag, time in the pits, each driver's time, warnings. */
    public static String summary(StintPlan plan) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%d %s, %d %s, %d laps, flag at %s, %.0f s in the pits.", plan.stints().size(),
                plan.stints().size() == 1 ? "stint" : "stints", plan.stops(), plan.stops() == 1 ? "stop" : "stops",
                plan.laps(), FuelText.clock(plan.finishTime()), plan.pitSeconds()));
        plan.driveSeconds().forEach((d, t) -> b.append(' ').append(d).append(' ').append(FuelText.clock(t))
                .append(';'));
        b.setLength(b.length() - 1);
        b.append('.');
        plan.warnings().forEach(w -> b.append("\nWarning: ").append(w));
        return b.toString();
    }

    /** Fuel at the start of the stint, and what the stop before it adds. */
    public static String fuel(Stint s) {
        return s.number() == 1 ? FuelText.litres(s.fuelAtStart()) + " start"
                : "+" + FuelText.litres(s.fuelAdded()) + " → "
                        + String.format(Locale.ROOT, "%.0f L", s.fuelAtStart());
    }

    public static String perLap(double l) {
        return FuelText.perLap(l) + "/lap";
    }

    /** m:ss.s for a lap. */
    public static String lapTime(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return FuelText.UNKNOWN;
        }
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }
}
