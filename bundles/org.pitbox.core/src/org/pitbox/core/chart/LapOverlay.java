package org.pitbox.core.chart;

import java.util.Arrays;
import java.util.List;

import org.pitbox.core.laps.Lap;

/**
 * Lines laps up by lap distance (0..1) so laps of different sessions overlay, and finds values under a
 * cursor. Resampling is linear, allocation-free, and uses only samples that move forward along the lap.
 */
public final class LapOverlay {
    private LapOverlay() {
    }

    /** {@code points} distances evenly from 0 to 1, both included. */
    public static double[] grid(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a grid needs 2 points or more, got " + points);
        }
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = (double) i / (points - 1);
        }
        return g;
    }

    /**
     * Samples {@code from..to} (exclusive) of a channel against their lap distance, onto {@code grid}
     * (ascending) in {@code out}. Grid points within two sample spacings outside the covered distance take
     * the end values; farther ones are NaN, as are all when fewer than two samples move forward.
     */
    public static void resample(double[] dist, double[] values, int from, int to, double[] grid, double[] out) {
        if (from < 0 || to > Math.min(dist.length, values.length) || from > to || out.length < grid.length) {
            throw new IllegalArgumentException("bad range " + from + ".." + to + " or output size");
        }
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (dist[i] >= 0 && (last < 0 || dist[i] > dist[last])) {
                first = first < 0 ? i : first;
                last = i;
                count++;
            }
        }
        if (count < 2) {
            Arrays.fill(out, 0, grid.length, Double.NaN);
            return;
        }
        double reach = 2 * (dist[last] - dist[first]) / (count - 1);
        int a = first;
        int b = next(dist, a, to);
        for (int g = 0; g < grid.length; g++) {
            double d = grid[g];
            if (d <= dist[first]) {
                out[g] = dist[first] - d <= reach ? values[first] : Double.NaN;
            } else if (d >= dist[last]) {
                out[g] = d - dist[last] <= reach ? values[last] : Double.NaN;
            } else {
                while (dist[b] < d) {
                    a = b;
                    b = next(dist, a, to);
                }
                double f = (d - dist[a]) / (dist[b] - dist[a]);
                out[g] = values[a] + f * (values[b] - values[a]);
            }
        }
    }

    /** The next sample after {@code i} that lies farther along the lap. */
    private static int next(double[] dist, int i, int to) {
        int j = i + 1;
        while (j < to && !(dist[j] > dist[i])) {
            j++;
        }
        return j;
    }

    /**
     * Channels of one lap on a grid, one row per channel; for overlaying laps from different sessions.
     *
     * @param lapDistPct and {@code columns}: whole-recording columns (from {@code Recording.column} or a
     *                   math channel)
     */
    public static double[][] lap(double[] lapDistPct, Lap lap, List<double[]> columns, double[] grid) {
        double[][] out = new double[columns.size()][grid.length];
        for (int c = 0; c < out.length; c++) {
            resample(lapDistPct, columns.get(c), lap.firstRecord(), lap.lastRecord() + 1, grid, out[c]);
        }
        return out;
    }

    /** The last index whose x is at most {@code at} (binary search over ascending x); -1 before the first. */
    public static int indexAt(double[] x, int length, double at) {
        int lo = 0;
        int hi = length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= at) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * Each shown channel's value at {@code at} on a shared x axis, interpolated linearly, into
     * {@code out}; NaN outside the axis.
     */
    public static void valuesAt(double[] x, double[][] channels, double at, double[] out) {
        int i = indexAt(x, x.length, at);
        for (int c = 0; c < channels.length; c++) {
            double[] y = channels[c];
            if (i < 0 || at > x[x.length - 1]) {
                out[c] = Double.NaN;
            } else if (i == x.length - 1 || x[i] == at) {
                out[c] = y[i];
            } else {
                out[c] = y[i] + (at - x[i]) / (x[i + 1] - x[i]) * (y[i + 1] - y[i]);
            }
        }
    }
}
