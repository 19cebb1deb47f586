package org.pitbox.core.coach;

import java.util.Arrays;
import java.util.List;

import org.pitbox.core.analysis.builtin.Corners;
import org.pitbox.core.analysis.builtin.Corners.Corner;
import org.pitbox.core.laps.Lap;

/**
 * One lap by distance: the rows of {@link LapSamples} between the lap's first and last record where the lap
 * distance rises, with seconds since the lap started, speed and brake, and the corners found on it.
 */
final class LapView {
    final Lap lap;
    final double[] pct;
    final double[] elapsed;
    final double[] speed;
    final List<Corner> corners;

    private LapView(Lap lap, double[] pct, double[] elapsed, double[] speed, List<Corner> corners) {
        this.lap = lap;
        this.pct = pct;
        this.elapsed = elapsed;
        this.speed = speed;
        this.corners = corners;
    }

    /** @param tickRate rows per second */
    static LapView of(LapSamples s, Lap lap, int tickRate) {
        int max = s.size + 2;
        double[] p = new double[max];
        double[] e = new double[max];
        double[] v = new double[max];
        double[] b = new double[max];
        int n = 0;
        double last = -1;
        for (int i = 0; i < s.size; i++) {
            int r = s.record[i];
            double d = s.pct[i];
            if (r >= lap.firstRecord() && r <= lap.lastRecord() && d > last && d < 1 && (last < 0 || d - last < 0.5)) {
                p[n] = d;
                e[n] = s.time[i] - lap.startTime();
                v[n] = s.speed[i];
                b[n++] = s.brake[i];
                last = d;
            }
        }
        p = Arrays.copyOf(p, n);
        v = Arrays.copyOf(v, n);
        return new LapView(lap, p, Arrays.copyOf(e, n), v, Corners.find(v, Arrays.copyOf(b, n), tickRate));
    }

    /** Seconds into the lap at lap distance {@code at}, interpolated; the lap time at 1. */
    double timeAt(double at) {
        return at >= 1 ? lap.lapTime() : at <= 0 ? 0 : interpolate(elapsed, at);
    }

    /** Speed at lap distance {@code at}, interpolated. */
    double speedAt(double at) {
        return interpolate(speed, at);
    }

    private double interpolate(double[] values, double at) {
        if (pct.length == 0) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(pct, at);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        if (hi == 0 || hi == pct.length) {
            return values[hi == 0 ? 0 : pct.length - 1];
        }
        int lo = hi - 1;
        return values[lo] + (at - pct[lo]) / (pct[hi] - pct[lo]) * (values[hi] - values[lo]);
    }
}
