package org.pitbox.video;

import java.util.Arrays;

/** The last few hundred samples of a time, for its percentiles. Thread-safe. */
final class Samples {
    private final long[] values = new long[300];
    private int count;

    synchronized void add(long nanos) {
        values[count++ % values.length] = nanos;
    }

    /** The p-th percentile (0 to 100) in milliseconds, 0 without samples. */
    synchronized double percentileMillis(int p) {
        int n = Math.min(count, values.length);
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, n * p / 100)] / 1e6;
    }
}
