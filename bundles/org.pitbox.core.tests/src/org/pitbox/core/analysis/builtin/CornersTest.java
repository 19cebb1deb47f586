package org.pitbox.core.analysis.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CornersTest {
    private static final int RATE = 60;

    /** Two braking zones of 1 s each from 50 to 30 m/s, the second starting {@code gapSeconds} after the first ends. */
    private static int corners(double gapSeconds) {
        int n = 20 * RATE;
        double[] speed = new double[n];
        double[] brake = new double[n];
        Arrays.fill(speed, 50);
        int second = 2 * RATE + (int) Math.round(gapSeconds * RATE);
        for (int start : new int[] {RATE, second}) {
            for (int i = start; i < n; i++) {
                double v = i < start + RATE ? 50 - 20.0 * (i - start) / RATE : 30 + 0.2 * (i - start - RATE);
                speed[i] = Math.min(speed[i], Math.min(50, v));
                if (i < start + RATE) {
                    brake[i] = 0.6;
                }
            }
        }
        return Corners.find(speed, brake, RATE).size();
    }

    @Test
    void brakingZonesLessThanTheMergeTimeApartAreOneCornerLikeAChicane() {
        assertEquals(1, corners(Corners.MERGE_SECONDS - 0.5));
        assertEquals(2, corners(Corners.MERGE_SECONDS + 0.5));
    }
}
