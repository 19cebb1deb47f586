package org.pitbox.core.coach;

import java.util.List;

import org.pitbox.core.analysis.builtin.Corners;
import org.pitbox.core.analysis.builtin.Corners.Corner;

/**
 * A lap against the session's best clean lap, corner by corner. The corners are the braking zones of the best
 * lap, counted from the line; a lap's corner is its braking zone that starts within {@link #SAME_CORNER_METRES}
 * of the best lap's. Corner n's stretch runs from {@link #BEFORE_BRAKING_METRES} before its braking point to the
 * start of the next corner's (the first from the line, the last to it): the stretches tile the lap and place a spin.
 * Time lost in a corner is measured from {@link #BEFORE_BRAKING_METRES} before its braking point to
 * {@link #AFTER_APEX_METRES} past its apex (or the end of its stretch), so the pace on the straights does not count;
 * exit speed is taken {@link #EXIT_METRES} past the apex (or half way to that end).
 */
final class Compare {
    static final double SAME_CORNER_METRES = 150;
    static final double BEFORE_BRAKING_METRES = 50;
    static final double EXIT_METRES = 100;
    static final double AFTER_APEX_METRES = 200;
    static final double KPH = 3.6;

    private Compare() {
    }

    /** Where each corner's stretch starts on the best lap, as lap distance; the first starts at the line. */
    static double[] stretches(LapView best, double length) {
        List<Corner> corners = best.corners;
        double[] starts = new double[corners.size()];
        for (int c = 1; c < starts.length; c++) {
            starts[c] = Math.max(0, best.pct[corners.get(c).brake()] - BEFORE_BRAKING_METRES / length);
        }
        return starts;
    }

    /** The corner (from 1) whose stretch holds lap distance {@code at}; 0 without corners. */
    static int cornerAt(double[] stretches, double at) {
        int c = 0;
        while (c < stretches.length && stretches[c] <= at) {
            c++;
        }
        return c;
    }

    /** The corner facts of lap {@code n} against the best lap, into {@code sheet}. */
    static void corners(FactSheet sheet, int n, LapView lap, LapView best, double length) {
        double[] starts = stretches(best, length);
        double tolerance = SAME_CORNER_METRES / length;
        for (int c = 0; c < best.corners.size(); c++) {
            Corner ref = best.corners.get(c);
            int corner = c + 1;
            String at = "lap" + n + ".t" + corner + ".";
            double from = Math.max(0, best.pct[ref.brake()] - BEFORE_BRAKING_METRES / length);
            double to = end(best, starts, c, length);
            double exit = exit(best, starts, c, length);
            double lost = lap.timeAt(to) - lap.timeAt(from) - (best.timeAt(to) - best.timeAt(from));
            sheet.add(at + "time_lost", lost, "s", n, 0, corner, "SessionTime");
            double refExit = best.speedAt(exit) * KPH;
            double lapExit = lap.speedAt(exit) * KPH;
            sheet.add(at + "exit_speed", lapExit, "km/h", n, 0, corner, "Speed");
            sheet.add(at + "exit_speed_vs_best", lapExit - refExit, "km/h", n, 0, corner, "Speed");
            Corner k = Corners.nearest(lap.corners, lap.pct, best.pct[ref.brake()], tolerance);
            if (k == null) {
                continue;
            }
            double brake = lap.pct[k.brake()] * length;
            double min = lap.speed[k.apex()] * KPH;
            sheet.add(at + "brake_point", brake, "m", n, 0, corner, "Brake");
            sheet.add(at + "brake_vs_best", brake - best.pct[ref.brake()] * length, "m", n, 0, corner, "Brake");
            sheet.add(at + "min_speed", min, "km/h", n, 0, corner, "Speed");
            sheet.add(at + "min_speed_vs_best", min - best.speed[ref.apex()] * KPH, "km/h", n, 0, corner, "Speed");
        }
    }

    /** The best lap's corners: braking point, minimum and exit speed. */
    static void reference(FactSheet sheet, LapView best, double length) {
        double[] starts = stretches(best, length);
        int n = best.lap.number();
        for (int c = 0; c < best.corners.size(); c++) {
            Corner ref = best.corners.get(c);
            String at = "best.t" + (c + 1) + ".";
            double exit = exit(best, starts, c, length);
            sheet.add(at + "brake_point", best.pct[ref.brake()] * length, "m", n, 0, c + 1, "Brake");
            sheet.add(at + "min_speed", best.speed[ref.apex()] * KPH, "km/h", n, 0, c + 1, "Speed");
            sheet.add(at + "exit_speed", best.speedAt(exit) * KPH, "km/h", n, 0, c + 1, "Speed");
        }
    }

    /** Where corner {@code c}'s time lost ends: past its apex, within its stretch. */
    private static double end(LapView best, double[] starts, int c, double length) {
        double stretchEnd = c + 1 < starts.length ? starts[c + 1] : 1;
        return Math.min(stretchEnd, best.pct[best.corners.get(c).apex()] + AFTER_APEX_METRES / length);
    }

    /** Where corner {@code c}'s exit speed is taken. */
    private static double exit(LapView best, double[] starts, int c, double length) {
        double apex = best.pct[best.corners.get(c).apex()];
        return apex + Math.min(EXIT_METRES / length, (end(best, starts, c, length) - apex) / 2);
    }
}
