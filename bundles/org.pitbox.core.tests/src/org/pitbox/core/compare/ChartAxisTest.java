package org.pitbox.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChartAxisTest {
    @Test
    void zoomKeepsThePointUnderTheMouse() {
        XRange r = new XRange(0, 4000);
        double at = 1000;
        double pixel = r.toPixel(at, 800);
        r.zoom(0.5, at);
        assertEquals(2000, r.span(), 1e-9);
        assertEquals(pixel, r.toPixel(at, 800), 1e-9);
        assertEquals(at, r.toX(pixel, 800), 1e-9);
        assertTrue(r.zoomed());
        r.zoom(1e-9, at);
        assertEquals(4, r.span(), 1e-9, "never narrower than a thousandth");
        r.zoom(1e9, at);
        assertEquals(0, r.from());
        assertEquals(4000, r.to());
        assertFalse(r.zoomed());
    }

    @Test
    void panStopsAtTheEnds() {
        XRange r = new XRange(0, 100);
        r.zoom(0.1, 50);
        r.pan(-1000);
        assertEquals(0, r.from());
        assertEquals(10, r.to(), 1e-9);
        r.pan(25);
        assertEquals(25, r.from(), 1e-9);
        r.pan(1000);
        assertEquals(100, r.to());
        r.reset();
        assertEquals(0, r.from());
        assertEquals(100, r.to());
    }

    @Test
    void aViewIsRestoredInsideTheLap() {
        XRange r = new XRange(0, 1000);
        r.show(200, 300);
        assertEquals(200, r.from(), 1e-9);
        assertEquals(300, r.to(), 1e-9);
        assertTrue(r.zoomed());
        r.show(950, 1200);
        assertEquals(750, r.from(), 1e-9, "kept inside the lap, the width kept");
        assertEquals(1000, r.to(), 1e-9);
        r.show(-50, 5000);
        assertFalse(r.zoomed());
        r.show(400, 400);
        assertEquals(1, r.span(), 1e-9, "never narrower than a thousandth");
    }

    @Test
    void ticksAreRound() {
        assertEquals(20, Ticks.step(0, 100, 5), 1e-12);
        assertEquals(0.2, Ticks.step(0, 1, 5), 1e-12);
        assertEquals(500, Ticks.step(0, 4318, 10), 1e-12);
        assertArrayEquals(new double[] {0, 100, 20}, Ticks.axis(3.2, 97.1, 5, 0), 0);
        assertArrayEquals(new double[] {-0.5, 0.5, 0.5}, Ticks.axis(0, 0, 4, 0), 1e-12);
        assertArrayEquals(new double[] {1, 3, 1}, Ticks.axis(2, 2, 4, 1), 1e-12);
        assertArrayEquals(new double[] {1, 6, 1}, Ticks.axis(1, 6, 10, 1), 1e-12);
        assertArrayEquals(new double[] {0, 100, 50}, Ticks.axis(-0.001, 100.2, 4, 0), 1e-12);
        assertArrayEquals(new double[] {0, 1, 0.5}, Ticks.axis(Double.NaN, Double.NaN, 4, 0), 1e-12);
        assertArrayEquals(new double[] {1000, 1500, 2000}, Ticks.within(990, 2010, 500), 0);
        assertEquals("0.25", Ticks.format(0.25, 0.05));
        assertEquals("1200", Ticks.format(1200, 500));
        assertEquals("0.0", Ticks.format(-0.0001, 0.1));
    }

    @Test
    void unitsReadLikeADashboard() {
        assertEquals(new DisplayUnit("km/h", 3.6), DisplayUnit.of("m/s", false));
        assertEquals(100, DisplayUnit.of("m/s", true).apply(44.704), 1e-9);
        assertEquals(new DisplayUnit("%", 100), DisplayUnit.of("%", false));
        assertEquals(90, DisplayUnit.of("rad", false).apply(Math.PI / 2), 1e-9);
        assertEquals("s", DisplayUnit.of("s", false).label());
    }
}
