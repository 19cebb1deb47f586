package org.pitbox.core.coach;

import java.util.List;
import java.util.Locale;

import org.pitbox.core.laps.LapTimes;

/**
 * The rule-based coach: after each completed lap at most one hint of at most {@link Hint#MAX_WORDS} words, about
 * the most urgent finding of that lap ({@link Hint.Kind} order), written only from figures of the lap's
 * {@link FactSheet}. Fuel short, the pit window, hot tyres and a pace drop are said once, until they clear (fuel:
 * until the car is refuelled).
 * <ul>
 * <li>fuel short: the fuel lasts at least {@link #SHORT_LAPS} laps less than the laps to go;</li>
 * <li>spin: any ({@link RaceState#SPIN_YAW});</li>
 * <li>pit window: the lap in progress is the window's first or a later one, and its last is not passed;</li>
 * <li>tyres: a tyre {@link #HOT_DEGREES} or more hotter than on the best lap (again after it cooled to half);</li>
 * <li>braking: a braking point {@link #BRAKING_METRES} or more off the best lap's with {@link #CORNER_SECONDS}
 * or more lost in the corner;</li>
 * <li>corner speed: a minimum speed {@link #SPEED_SHARE} (at least {@link #SPEED_KPH} km/h) under the best lap's
 * with {@link #CORNER_SECONDS} or more lost;</li>
 * <li>sector: a sector {@link #SECTOR_SECONDS} s plus {@link #SECTOR_SHARE} of its best slower than its best, and
 * {@link #SECTOR_CONCENTRATION} or more of what the lap lost in all its sectors;</li>
 * <li>pace drop: a clean lap {@link #PACE_SHARE} slower than the mean of the three clean laps before it (again
 * after a lap within {@link #PACE_RECOVERED} of the best);</li>
 * <li>new best: a clean lap faster than the best before it.</li>
 * </ul>
 */
public final class RuleCoach {
    static final double SHORT_LAPS = 0.2;
    static final double HOT_DEGREES = 12;
    static final double BRAKING_METRES = 15;
    static final double CORNER_SECONDS = 0.1;
    static final double SPEED_SHARE = 0.05;
    static final double SPEED_KPH = 5;
    static final double SECTOR_SECONDS = 0.3;
    static final double SECTOR_SHARE = 0.01;
    static final double SECTOR_CONCENTRATION = 0.6;
    static final double PACE_SHARE = 0.02;
    static final double PACE_RECOVERED = 0.01;

    /** Litres of fuel that mean the car was refuelled. */
    static final double REFUELLED = 0.3;

    private double fuel = Double.NaN;
    private boolean fuelSaid;
    private boolean windowSaid;
    private boolean tyresSaid;
    private boolean paceSaid;

    /** The hint for completed lap {@code n} with its facts, or null when there is nothing worth saying. */
    public Hint hint(FactSheet facts, int n) {
        double level = facts.value("fuel.level");
        if (level > fuel + REFUELLED) {
            fuelSaid = false;
            windowSaid = false;
        }
        fuel = level;
        Hint h = fuel(facts, n);
        h = h != null ? h : spin(facts, n);
        h = h != null ? h : window(facts, n);
        h = h != null ? h : tyres(facts, n);
        h = h != null ? h : braking(facts, n);
        h = h != null ? h : cornerSpeed(facts, n);
        h = h != null ? h : sector(facts, n);
        h = h != null ? h : pace(facts, n);
        return h != null ? h : newBest(facts, n);
    }

    private Hint fuel(FactSheet f, int n) {
        double laps = f.value("fuel.laps_short");
        if (fuelSaid || !(laps >= SHORT_LAPS)) {
            return null;
        }
        Hint h = f.has("fuel.window_last")
                ? hint(n, "fuel", Hint.Kind.FUEL_SHORT, List.of("fuel.laps_short", "fuel.window_last", "fuel.to_add"),
                        "Fuel short by %.1f laps: pit by lap %d, add %.1f L", laps, (int) f.value("fuel.window_last"),
                        f.value("fuel.to_add"))
                : hint(n, "fuel", Hint.Kind.FUEL_SHORT, List.of("fuel.laps_short", "fuel.to_add"),
                        "Fuel short by %.1f laps: add %.1f L", laps, f.value("fuel.to_add"));
        fuelSaid = h != null;
        windowSaid = fuelSaid && f.value("fuel.window_first") <= n + 1;
        return h;
    }

    private Hint spin(FactSheet f, int n) {
        Fact at = f.get("lap" + n + ".spin.at");
        if (at == null) {
            return null;
        }
        String where = at.corner() > 0 ? Hint.corner(at.corner()) : "lap";
        String place = at.corner() > 0 ? "Turn " + at.corner() + ": spun" : "Spun this lap";
        Fact lost = f.get("lap" + n + ".spin.time_lost");
        return lost == null ? hint(n, where, Hint.Kind.SPIN, List.of(at.id()), "%s, settle the car before pushing again",
                place)
                : hint(n, where, Hint.Kind.SPIN, List.of(at.id(), lost.id()), "%s, lost %.1f s to your best lap", place,
                        lost.value());
    }

    private Hint window(FactSheet f, int n) {
        double first = f.value("fuel.window_first");
        double last = f.value("fuel.window_last");
        if (windowSaid || !(first <= n + 1 && n <= last)) {
            return null;
        }
        Hint h = hint(n, "fuel", Hint.Kind.PIT_WINDOW, List.of("fuel.window_last", "fuel.to_add"),
                "Pit window open: box by lap %d, add %.1f L", (int) last, f.value("fuel.to_add"));
        windowSaid = h != null;
        return h;
    }

    private Hint tyres(FactSheet f, int n) {
        Fact hottest = null;
        for (String tyre : RaceState.TYRES) {
            Fact d = f.get("lap" + n + ".tyre." + tyre.toLowerCase(Locale.ROOT) + ".vs_best");
            hottest = d != null && (hottest == null || d.value() > hottest.value()) ? d : hottest;
        }
        if (hottest == null || hottest.value() < HOT_DEGREES / 2) {
            tyresSaid = false;
            return null;
        }
        if (tyresSaid || hottest.value() < HOT_DEGREES) {
            return null;
        }
        tyresSaid = true;
        String tyre = hottest.id().split("\\.")[2].toUpperCase(Locale.ROOT);
        return hint(n, "tyres", Hint.Kind.TYRES_HOT, List.of(hottest.id()),
                "Tyres: %s %.0f C hotter than on your best lap, ease off", tyre, hottest.value());
    }

    private Hint braking(FactSheet f, int n) {
        Fact worst = null;
        Fact worstLost = null;
        for (int c = 1; f.has("best.t" + c + ".brake_point"); c++) {
            Fact shift = f.get("lap" + n + ".t" + c + ".brake_vs_best");
            Fact lost = f.get("lap" + n + ".t" + c + ".time_lost");
            if (shift != null && lost != null && Math.abs(shift.value()) >= BRAKING_METRES
                    && lost.value() >= CORNER_SECONDS && (worstLost == null || lost.value() > worstLost.value())) {
                worst = shift;
                worstLost = lost;
            }
        }
        if (worst == null) {
            return null;
        }
        return hint(n, Hint.corner(worst.corner()), Hint.Kind.BRAKING, List.of(worst.id(), worstLost.id()),
                "Turn %d: braked %.0f m %s than your best, lost %.2f s", worst.corner(), Math.abs(worst.value()),
                worst.value() > 0 ? "later" : "earlier", worstLost.value());
    }

    private Hint cornerSpeed(FactSheet f, int n) {
        Fact worst = null;
        Fact worstLost = null;
        for (int c = 1; f.has("best.t" + c + ".min_speed"); c++) {
            Fact drop = f.get("lap" + n + ".t" + c + ".min_speed_vs_best");
            Fact lost = f.get("lap" + n + ".t" + c + ".time_lost");
            double limit = Math.max(SPEED_KPH, SPEED_SHARE * f.value("best.t" + c + ".min_speed"));
            if (drop != null && lost != null && -drop.value() >= limit && lost.value() >= CORNER_SECONDS
                    && (worstLost == null || lost.value() > worstLost.value())) {
                worst = drop;
                worstLost = lost;
            }
        }
        if (worst == null) {
            return null;
        }
        return hint(n, Hint.corner(worst.corner()), Hint.Kind.CORNER_SPEED, List.of(worst.id(), worstLost.id()),
                "Turn %d: minimum speed %.0f km/h under your best, lost %.2f s", worst.corner(), -worst.value(),
                worstLost.value());
    }

    private Hint sector(FactSheet f, int n) {
        double total = 0;
        Fact worst = null;
        for (int k = 1; f.has("best.s" + k + ".time"); k++) {
            Fact loss = f.get("lap" + n + ".s" + k + ".vs_best");
            if (loss != null && loss.value() > 0) {
                total += loss.value();
                worst = worst == null || loss.value() > worst.value() ? loss : worst;
            }
        }
        if (worst == null) {
            return null;
        }
        double best = f.value("best.s" + worst.sector() + ".time");
        if (worst.value() < SECTOR_SECONDS + SECTOR_SHARE * best || worst.value() < SECTOR_CONCENTRATION * total) {
            return null;
        }
        return hint(n, Hint.sector(worst.sector()), Hint.Kind.SECTOR, List.of(worst.id()),
                "Sector %d: %.2f s slower than your best sector time", worst.sector(), worst.value());
    }

    private Hint pace(FactSheet f, int n) {
        Fact behind = f.get("lap" + n + ".vs_previous");
        double best = f.value("best.time");
        double lap = f.value("lap" + n + ".time");
        if (lap <= best * (1 + PACE_RECOVERED)) {
            paceSaid = false;
        }
        if (behind == null || paceSaid || behind.value() < PACE_SHARE * f.value("lap" + n + ".previous_average")) {
            return null;
        }
        Hint h = hint(n, "lap", Hint.Kind.PACE_DROP, List.of(behind.id(), "lap" + n + ".previous_laps"),
                "Pace drop: %.2f s slower than your previous %d laps", behind.value(),
                (int) f.value("lap" + n + ".previous_laps"));
        paceSaid = h != null;
        return h;
    }

    private Hint newBest(FactSheet f, int n) {
        Fact gain = f.get("lap" + n + ".vs_previous_best");
        if (gain == null) {
            return null;
        }
        return hint(n, "lap", Hint.Kind.NEW_BEST, List.of("best.time", gain.id()),
                "New best lap %s, %.2f s quicker, keep it up", LapTimes.format(f.value("best.time")), -gain.value());
    }

    /** The hint {@code format} makes of {@code args}, citing {@code ids}; null when a figure is not finite. */
    private static Hint hint(int n, String where, Hint.Kind kind, List<String> ids, String format, Object... args) {
        for (Object a : args) {
            if (a instanceof Double d && !Double.isFinite(d)) {
                return null;
            }
        }
        return new Hint(n, where, kind, String.format(Locale.ROOT, format, args), ids);
    }
}
