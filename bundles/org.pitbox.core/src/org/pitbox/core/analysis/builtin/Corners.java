package org.pitbox.core.analysis.builtin;

import java.util.ArrayList;
import java.util.List;

/**
 * The corners of one lap, found from its braking: each braking zone (Brake above 5 %; zones less than
 * {@link #MERGE_SECONDS} apart are one, so a chicane is one corner) that reaches 15 % pedal and slows the car by
 * 3 m/s or more is a corner; its apex is the slowest
 * point after the braking starts, before the car is 8 m/s faster again or the next zone begins. Public for the
 * coach ({@code core.coach}); this package is internal.
 */
public final class Corners {
    private static final double BRAKE_ON = 0.05;
    private static final double MIN_PEAK = 0.15;
    private static final double MIN_DROP = 3;
    private static final double RISE = 8;
    /** Braking zones closer than this are one corner: the coach, the analyses and Lap Compare number alike. */
    public static final double MERGE_SECONDS = 1.5;

    /** Indices into the lap trace: where braking starts and the slowest point. */
    public record Corner(int brake, int apex) {
    }

    private Corners() {
    }

    /** @param tickRate the trace's samples per second */
    public static List<Corner> find(double[] speed, double[] brake, int tickRate) {
        int mergeGap = Math.max(1, (int) Math.round(tickRate * MERGE_SECONDS));
        List<int[]> zones = new ArrayList<>();
        int start = -1;
        int last = -1;
        for (int i = 0; i < brake.length; i++) {
            if (brake[i] > BRAKE_ON) {
                if (start < 0 || i - last > mergeGap) {
                    if (start >= 0) {
                        zones.add(new int[] {start, last});
                    }
                    start = i;
                }
                last = i;
            }
        }
        if (start >= 0) {
            zones.add(new int[] {start, last});
        }
        List<Corner> corners = new ArrayList<>();
        for (int z = 0; z < zones.size(); z++) {
            int from = zones.get(z)[0];
            int to = z + 1 < zones.size() ? zones.get(z + 1)[0] : speed.length;
            double peak = 0;
            for (int i = from; i <= zones.get(z)[1]; i++) {
                peak = Math.max(peak, brake[i]);
            }
            int apex = from;
            for (int i = from; i < to && speed[i] < speed[apex] + RISE; i++) {
                if (speed[i] < speed[apex]) {
                    apex = i;
                }
            }
            if (peak >= MIN_PEAK && speed[from] - speed[apex] >= MIN_DROP) {
                corners.add(new Corner(from, apex));
            }
        }
        return corners;
    }

    /** The corner of {@code candidates} whose braking starts nearest {@code brakePct}, within {@code tolerance}; or null. */
    public static Corner nearest(List<Corner> candidates, double[] pct, double brakePct, double tolerance) {
        Corner best = null;
        for (Corner c : candidates) {
            double d = Math.abs(pct[c.brake()] - brakePct);
            if (d <= tolerance && (best == null || d < Math.abs(pct[best.brake()] - brakePct))) {
                best = c;
            }
        }
        return best;
    }
}
