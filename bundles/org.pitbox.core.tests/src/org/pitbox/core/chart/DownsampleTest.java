package org.pitbox.core.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DownsampleTest {
    private final double[] outX = new double[4000];
    private final double[] outY = new double[4000];

    private static double[] index(int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> i);
        return x;
    }

    @Test
    void minMaxKeepsExtremesAndEnds() {
        double[] y = {5, 1, 9, 4, 4, 0, 7, 3};
        int n = Downsample.minMax(index(8), y, 0, 8, 2, outX, outY);
        // buckets [0, 3.5) and [3.5, 7]: first 5, min 1, max 9 | min 0, max 7, last 3
        assertArrayEquals(new double[] {5, 1, 9, 0, 7, 3}, Arrays.copyOf(outY, n));
        assertArrayEquals(new double[] {0, 1, 2, 5, 6, 7}, Arrays.copyOf(outX, n));
    }

    @Test
    void minMaxMarksGaps() {
        double[] y = {Double.NaN, 1, 2, Double.NaN, 3, 4, Double.NaN};
        int n = Downsample.minMax(index(7), y, 0, 7, 1, outX, outY);
        assertArrayEquals(new double[] {1, 3, 5}, Arrays.copyOf(outX, n), "leading and trailing NaN dropped");
        assertTrue(Double.isNaN(outY[1]));
        n = Downsample.minMax(index(7), y, 0, 7, 3, outX, outY);
        assertEquals(5, n);
        assertTrue(Double.isNaN(outY[2]) && outX[2] == 3, Arrays.toString(Arrays.copyOf(outY, n)));
    }

    @Test
    void lttbKnownSmallCase() {
        double[] y = {0, 1, 0, 5, 0, 1, 0};
        int n = Downsample.lttb(index(7), y, 0, 7, 3, outX, outY);
        assertArrayEquals(new double[] {0, 3, 6}, Arrays.copyOf(outX, n), "the peak survives");
        n = Downsample.lttb(index(7), y, 0, 7, 10, outX, outY);
        assertArrayEquals(y, Arrays.copyOf(outY, n), "fewer points than the threshold pass through");
    }

    @Test
    void lttbSplitsAtGaps() {
        double[] y = {1, 2, 3, 4, Double.NaN, 5, 6, 7, 8};
        int n = Downsample.lttb(index(9), y, 0, 9, 5, outX, outY);
        assertEquals(5, n);
        assertEquals(0, outX[0]);
        assertEquals(8, outX[n - 1]);
        assertTrue(Double.isNaN(outY[2]), Arrays.toString(Arrays.copyOf(outY, n)));
    }

    @Test
    void randomSizesStayInBounds() {
        Random r = new Random(3);
        for (int run = 0; run < 300; run++) {
            int len = 1 + r.nextInt(3000);
            double[] x = index(len);
            double[] y = new double[len];
            for (int i = 0; i < len; i++) {
                y[i] = r.nextInt(50) == 0 ? Double.NaN : r.nextGaussian();
            }
            int buckets = 1 + r.nextInt(300);
            int n = Downsample.minMax(x, y, 0, len, buckets, outX, outY);
            assertTrue(n <= Downsample.minMaxCapacity(buckets));
            checkAscendingAndEnds(x, y, n);
            double max = Arrays.stream(y).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            assertTrue(Double.isNaN(max) || Arrays.stream(outY, 0, n).anyMatch(v -> v == max));
            int threshold = 3 + r.nextInt(500);
            n = Downsample.lttb(x, y, 0, len, threshold, outX, outY);
            assertTrue(n <= threshold, n + " > " + threshold);
            checkAscendingAndEnds(x, y, n);
        }
    }

    private void checkAscendingAndEnds(double[] x, double[] y, int n) {
        for (int i = 1; i < n; i++) {
            assertTrue(outX[i] >= outX[i - 1]);
        }
        int first = 0;
        while (first < y.length && Double.isNaN(y[first])) {
            first++;
        }
        if (first < y.length) {
            int last = y.length - 1;
            while (Double.isNaN(y[last])) {
                last--;
            }
            assertEquals(x[first], outX[0]);
            assertEquals(x[last], outX[n - 1]);
        }
    }

    @Test
    void rejectsSmallBuffers() {
        assertThrows(IllegalArgumentException.class,
                () -> Downsample.minMax(index(9), new double[9], 0, 9, 5, new double[16], new double[16]));
        assertThrows(IllegalArgumentException.class,
                () -> Downsample.lttb(index(9), new double[9], 0, 9, 2, outX, outY));
    }
}
