package org.pitbox.voice.speak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * A track's straights as ranges of lap distance (0 to 1 from the line), found from one lap's samples: stretches
 * of at least {@link #MIN_SECONDS} where the driver neither brakes nor turns the wheel more than
 * {@link #STEER_RADIANS}, without their last {@link #END_SECONDS} (the next braking zone is near). A range may
 * run over the line.
 */
public final class Straights implements DoublePredicate {
    static final double MIN_SECONDS = 3;
    static final double END_SECONDS = 1;
    static final double STEER_RADIANS = 0.15;
    static final double BRAKE_ON = 0.05;

    /** One straight, from {@code start} to {@code end} (end below start when it crosses the line). */
    public record Range(double start, double end) {
        boolean holds(double at) {
            return start <= end ? at >= start && at <= end : at >= start || at <= end;
        }
    }

    private final List<Range> ranges;

    private Straights(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The straights of one lap: samples in order of lap distance, with their time in seconds. */
    public static Straights of(double[] pct, double[] seconds, double[] steer, double[] brake) {
        int n = pct.length;
        List<Range> found = new ArrayList<>();
        boolean[] straight = new boolean[n];
        for (int i = 0; i < n; i++) {
            straight[i] = Math.abs(steer[i]) < STEER_RADIANS && brake[i] < BRAKE_ON;
        }
        int first = 0;
        while (first < n && straight[first]) {
            first++;
        }
        if (first == n) {
            return new Straights(n == 0 ? List.of() : List.of(new Range(0, 1)));
        }
        // walk once round from the first sample that is no straight, so a straight over the line is one range
        int start = -1;
        for (int k = 1; k <= n; k++) {
            int i = (first + k) % n;
            if (straight[i] && start < 0) {
                start = i;
            } else if (!straight[i] && start >= 0) {
                int last = (i - 1 + n) % n;
                double length = seconds[last] - seconds[start] + (last < start ? seconds[n - 1] - seconds[0] : 0);
                if (length >= MIN_SECONDS) {
                    int end = last;
                    while (end != start && until(seconds, end, last, n) < END_SECONDS) {
                        end = (end - 1 + n) % n;
                    }
                    found.add(new Range(pct[start], pct[end]));
                }
                start = -1;
            }
        }
        return new Straights(found);
    }

    /** Seconds from sample {@code i} to sample {@code last}, going forward round the lap. */
    private static double until(double[] seconds, int i, int last, int n) {
        return last >= i ? seconds[last] - seconds[i] : seconds[n - 1] - seconds[i] + seconds[last] - seconds[0];
    }

    public List<Range> ranges() {
        return ranges;
    }

    @Override
    public boolean test(double lapDistance) {
        for (Range r : ranges) {
            if (r.holds(lapDistance)) {
                return true;
            }
        }
        return false;
    }
}
