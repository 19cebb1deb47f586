package org.pitbox.core.chart;

/**
 * Thins a line (x ascending, y may hold NaN gaps) to what a chart of a given pixel width can show. The
 * methods write into caller buffers and return the number of points written; they allocate nothing.
 * The first and last finite points are always kept; a NaN point marks each gap so a renderer breaks the line.
 */
public final class Downsample {
    private Downsample() {
    }

    /** Points {@link #minMax} may write for {@code buckets} buckets. */
    public static int minMaxCapacity(int buckets) {
        return 3 * buckets + 2;
    }

    /**
     * Min/max decimation: per bucket of equal x width, the lowest and highest point (and the first NaN,
     * if any), in x order. Extremes survive at any width.
     *
     * @return points written to {@code outX}/{@code outY}, at most {@link #minMaxCapacity(int)}
     */
    public static int minMax(double[] x, double[] y, int from, int to, int buckets, double[] outX, double[] outY) {
        check(x, y, from, to, buckets, minMaxCapacity(buckets), outX, outY);
        if (to - from <= 0) {
            return 0;
        }
        int first = firstFinite(y, from, to);
        int last = lastFinite(y, from, to);
        double x0 = x[from];
        double width = x[to - 1] - x0;
        int n = 0;
        int i = from;
        while (i < to) {
            int bucket = bucketOf(x[i], x0, width, buckets);
            int start = i;
            int lo = -1;
            int hi = -1;
            int nan = -1;
            for (; i < to && bucketOf(x[i], x0, width, buckets) == bucket; i++) {
                double v = y[i];
                if (Double.isNaN(v)) {
                    nan = nan < 0 && i > first && i < last ? i : nan;
                } else {
                    lo = lo < 0 || v < y[lo] ? i : lo;
                    hi = hi < 0 || v > y[hi] ? i : hi;
                }
            }
            n = emit(x, y, outX, outY, n, first >= start && first < i ? first : -1, lo, hi, nan,
                    last >= start && last < i ? last : -1);
        }
        return n;
    }

    /**
     * Largest-triangle-three-buckets: {@code threshold} points that keep the line's shape. NaN gaps split
     * the line into runs that share the points by length; when the runs are too many for the threshold,
     * min/max decimation is used instead (below a threshold of 5: the two ends and one gap).
     *
     * @return points written, at most {@code threshold}
     */
    public static int lttb(double[] x, double[] y, int from, int to, int threshold, double[] outX, double[] outY) {
        if (threshold < 3) {
            throw new IllegalArgumentException("LTTB needs a threshold of 3 or more, got " + threshold);
        }
        check(x, y, from, to, 1, threshold, outX, outY);
        int runs = 0;
        int finite = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(y[i])) {
                finite++;
                if (i == from || Double.isNaN(y[i - 1])) {
                    runs++;
                }
            }
        }
        int budget = threshold - (runs - 1);
        if (runs > 1 && budget < 2 * runs) {
            return threshold >= 5 ? minMax(x, y, from, to, (threshold - 2) / 3, outX, outY)
                    : endsAndGap(x, y, from, to, outX, outY);
        }
        int n = 0;
        int spare = budget - 2 * runs;
        for (int i = from; i < to;) {
            if (Double.isNaN(y[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < to && !Double.isNaN(y[end])) {
                end++;
            }
            if (n > 0) {
                outX[n] = x[i];
                outY[n++] = Double.NaN;
            }
            int share = (int) Math.min(end - i, 2 + (long) spare * (end - i) / finite);
            n = run(x, y, i, end, share, outX, outY, n);
            i = end;
        }
        return n;
    }

    /** The first and last finite points with a gap between them. */
    private static int endsAndGap(double[] x, double[] y, int from, int to, double[] outX, double[] outY) {
        int first = firstFinite(y, from, to);
        int last = lastFinite(y, from, to);
        outX[0] = x[first];
        outY[0] = y[first];
        outX[1] = x[first + 1];
        outY[1] = Double.NaN;
        outX[2] = x[last];
        outY[2] = y[last];
        return 3;
    }

    /** LTTB of one NaN-free run into {@code out} from {@code n}; returns the new count. */
    private static int run(double[] x, double[] y, int from, int to, int points, double[] outX, double[] outY,
            int n) {
        int len = to - from;
        if (points >= len || len <= 2) {
            for (int i = from; i < to; i++) {
                outX[n] = x[i];
                outY[n++] = y[i];
            }
            return n;
        }
        outX[n] = x[from];
        outY[n++] = y[from];
        if (points > 2) {
            double every = (double) (len - 2) / (points - 2);
            int a = from;
            for (int b = 0; b < points - 2; b++) {
                int start = from + 1 + (int) (b * every);
                int end = from + 1 + (int) ((b + 1) * every);
                int nextEnd = Math.min(to, from + 1 + (int) ((b + 2) * every));
                double avgX = 0;
                double avgY = 0;
                int count = nextEnd - end;
                if (count <= 0) {
                    avgX = x[to - 1];
                    avgY = y[to - 1];
                } else {
                    for (int j = end; j < nextEnd; j++) {
                        avgX += x[j];
                        avgY += y[j];
                    }
                    avgX /= count;
                    avgY /= count;
                }
                int best = start;
                double bestArea = -1;
                for (int j = start; j < end; j++) {
                    double area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a]));
                    if (area > bestArea) {
                        bestArea = area;
                        best = j;
                    }
                }
                outX[n] = x[best];
                outY[n++] = y[best];
                a = best;
            }
        }
        outX[n] = x[to - 1];
        outY[n++] = y[to - 1];
        return n;
    }

    private static int bucketOf(double x, double x0, double width, int buckets) {
        return width > 0 ? Math.min(buckets - 1, (int) ((x - x0) / width * buckets)) : 0;
    }

    /** Writes the points at the distinct indices among {@code a..e} (-1 for none) in ascending order. */
    private static int emit(double[] x, double[] y, double[] outX, double[] outY, int n, int a, int b, int c, int d,
            int e) {
        for (int prev = -1;;) {
            int next = pick(pick(pick(pick(pick(Integer.MAX_VALUE, prev, a), prev, b), prev, c), prev, d), prev, e);
            if (next == Integer.MAX_VALUE) {
                return n;
            }
            outX[n] = x[next];
            outY[n++] = y[next];
            prev = next;
        }
    }

    private static int pick(int next, int prev, int candidate) {
        return candidate > prev && candidate < next ? candidate : next;
    }

    private static int firstFinite(double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(y[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int lastFinite(double[] y, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (!Double.isNaN(y[i])) {
                return i;
            }
        }
        return -1;
    }

    private static void check(double[] x, double[] y, int from, int to, int buckets, int capacity, double[] outX,
            double[] outY) {
        if (from < 0 || to > Math.min(x.length, y.length) || from > to || buckets < 1) {
            throw new IllegalArgumentException("bad range " + from + ".." + to + " or bucket count " + buckets);
        }
        if (outX.length < capacity || outY.length < capacity) {
            throw new IllegalArgumentException("output buffers need " + capacity + " points");
        }
    }
}
