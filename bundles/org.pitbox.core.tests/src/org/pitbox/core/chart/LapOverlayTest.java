package org.pitbox.core.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;

class LapOverlayTest {
    private static final double EPS = 1e-12;

    @Test
    void resamplesLinearlyAndSkipsBackwardSamples() {
        double[] dist = {0.02, 0.3, 0.25, 0.6, 0.98};
        double[] v = {2, 30, 99, 60, 98};
        double[] out = new double[6];
        LapOverlay.resample(dist, v, 0, 5, LapOverlay.grid(6), out);
        assertArrayEquals(new double[] {2, 20, 40, 60, 80, 98}, out, 1e-9);
    }

    @Test
    void farOutsideTheCoveredDistanceIsNaN() {
        double[] dist = {0.5, 0.6, 0.7};
        double[] out = new double[3];
        LapOverlay.resample(dist, new double[] {1, 2, 3}, 0, 3, new double[] {0, 0.55, 0.85}, out);
        assertTrue(Double.isNaN(out[0]));
        assertEquals(1.5, out[1], 1e-9);
        assertEquals(3, out[2], EPS, "within two spacings");
    }

    @Test
    void cursorFindsValuesByBinarySearch() {
        double[] x = {0, 0.25, 0.5, 1};
        assertEquals(-1, LapOverlay.indexAt(x, 4, -0.1));
        assertEquals(1, LapOverlay.indexAt(x, 4, 0.3));
        assertEquals(3, LapOverlay.indexAt(x, 4, 1));
        double[] out = new double[2];
        LapOverlay.valuesAt(x, new double[][] {{0, 1, 2, 4}, {5, 5, 5, 5}}, 0.75, out);
        assertArrayEquals(new double[] {3, 5}, out, EPS);
        LapOverlay.valuesAt(x, new double[][] {{0, 1, 2, 4}, {5, 5, 5, 5}}, 1.5, out);
        assertTrue(Double.isNaN(out[0]));
    }

    @Test
    void twoLapsOverlayOnOneGrid() {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withLaps(3));
        List<Lap> laps = new LapSegmenter().segment(r).stream().filter(Lap::isClean).toList();
        double[] pct = r.column("LapDistPct");
        double[] speed = r.column("Speed");
        double[] grid = LapOverlay.grid(2000);
        long start = System.nanoTime();
        double[][] a = LapOverlay.lap(pct, laps.get(0), List.of(speed), grid);
        double[][] b = LapOverlay.lap(pct, laps.get(1), List.of(speed), grid);
        System.out.printf("overlay: two laps resampled in %.2f ms%n", (System.nanoTime() - start) / 1e6);
        double diff = 0;
        for (int i = 0; i < grid.length; i++) {
            assertTrue(!Double.isNaN(a[0][i]) && !Double.isNaN(b[0][i]), "at " + grid[i]);
            diff = Math.max(diff, Math.abs(a[0][i] - b[0][i]));
        }
        assertTrue(diff < 15, "laps of one car on one track look alike: " + diff);
    }
}
