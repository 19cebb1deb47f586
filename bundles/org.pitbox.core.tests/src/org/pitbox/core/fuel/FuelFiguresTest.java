package org.pitbox.core.fuel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one fuel calculation, worked by hand: 2.5 L a lap, 100 s laps, a 50 L tank unless said otherwise. */
class FuelFiguresTest {
    private static final double EPS = 1e-9;

    /** No margin; {@code lapsToGo} from {@code position}, so the race is {@code position + lapsToGo} laps. */
    private static FuelFigures at(double position, double fuel, double lapsToGo) {
        return new FuelFigures().compute(2.5, 100, 50, 0, fuel, lapsToGo, position);
    }

    @Test
    void lapsOfFuelHaveNoMargin() {
        FuelFigures f = new FuelFigures().compute(2.5, 100, 50, 0.1, 10, 8, 0);
        // 10 L at 2.5 L a lap: 4 laps, 400 s, whatever the margin
        assertEquals(4, f.lapsOfFuel(), EPS);
        assertEquals(400, f.secondsOfFuel(), EPS);
        assertEquals(0, at(0, 0, 8).lapsOfFuel(), EPS);
    }

    @Test
    void fuelToTheFlagHasNoMarginAndFuelToAddHasIt() {
        FuelFigures f = new FuelFigures().compute(2.5, 100, 50, 0.1, 10, 8, 0);
        // 8 laps x 2.5 L = 20 L to the flag; with 10 % that is 22 L, less the 10 L on board: add 12 L
        assertEquals(20, f.fuelToFlag(), EPS);
        assertEquals(12, f.fuelToAdd(), EPS);
        assertEquals(0.1, f.margin(), EPS);
        assertEquals(800, f.secondsToGo(), EPS);
        // 10 laps x 2.5 = 25 L less 10 L: 15 L; 2 laps need 5 L of the 10 L on board: nothing to add
        assertEquals(15, at(10, 10, 10).fuelToAdd(), EPS);
        assertEquals(0, at(10, 10, 2).fuelToAdd(), EPS);
    }

    @Test
    void fuelToAddIsWhatTheStopsMustAddNotTheRoomInTheTank() {
        // 30 laps need 75 L, 10 L on board: 65 L to add, more than the 40 L of room; the window says 2 stops
        FuelFigures f = at(0, 10, 30);
        assertEquals(65, f.fuelToAdd(), EPS);
        assertEquals(2, f.stops());
    }

    @Test
    void lapsToGoFromWhatTheSessionHasLeft() {
        // SessionLapsRemainEx counts the lap in progress: 5 at a quarter of the lap leaves 4.75 laps
        assertEquals(4.75, FuelFigures.lapsToGo(5, 604_800, 100, 0.25), EPS);
        // unlimited laps, 600 s left at a quarter of a 100 s lap: 0.75 + ceil(525 / 100) = 6.75
        assertEquals(6.75, FuelFigures.lapsToGo(32_767, 600, 100, 0.25), EPS);
        // 50 s left: this lap is the last
        assertEquals(0.75, FuelFigures.lapsToGo(32_767, 50, 100, 0.25), EPS);
        // 250 s left at 40 %: 0.6 laps, then 190 s, two more laps started
        assertEquals(2.6, FuelFigures.timedLapsToGo(250, 100, 0.4), EPS);
        assertTrue(Double.isNaN(FuelFigures.lapsToGo(32_767, 604_800, 100, 0.25)), "no end to the session");
        assertTrue(Double.isNaN(FuelFigures.lapsToGo(32_767, 600, Double.NaN, 0.25)), "no pace for a timed race");
    }

    @Test
    void oneStopWindow() {
        // 20 laps per tank; 30 L last to lap 22; after lap 20 the last 20 laps fit in a tank
        assertEquals(new PitWindow(1, 20, 22), at(10, 30, 30).pitWindow());
        assertTrue(at(10, 30, 30).pitWindow().open());
        assertEquals(20, at(10, 30, 30).lapsPerTank());
    }

    @Test
    void twoStopWindowAndMidLapPosition() {
        assertEquals(new PitWindow(2, 20, 22), at(10.5, 30, 49.5).pitWindow());
        assertEquals(new PitWindow(2, 11, 22), at(10.5, 30, 39.5).pitWindow());
    }

    @Test
    void noStopWhenTheFuelLasts() {
        PitWindow w = at(10, 30, 12).pitWindow();
        assertFalse(w.needed());
        assertEquals(-1, w.earliest());
        assertEquals(0, at(10, 30, 12).fuelToAdd(), EPS);
    }

    @Test
    void marginShrinksTheWindow() {
        FuelFigures m = new FuelFigures().compute(2.5, 100, 50, 0.25, 50, 30, 0);
        // 50 / (2.5 x 1.25) = 16 laps a tank; 50 L last 20 laps, 16 with the margin; 30 - 16 = 14
        assertEquals(16, m.lapsPerTank());
        assertEquals(new PitWindow(1, 14, 16), m.pitWindow());
    }

    @Test
    void closedWindowWhenFuelRunsOutFirst() {
        assertEquals(new PitWindow(2, 0, 4), at(0, 10, 30).pitWindow());
        assertTrue(at(0, 10, 30).pitWindow().open());
        assertFalse(at(20.5, 1, 20.5).pitWindow().open(), "the fuel does not finish lap 21");
    }

    @Test
    void unknownFiguresAreNaN() {
        FuelFigures endless = at(10, 30, Double.NaN);
        assertEquals(12, endless.lapsOfFuel(), EPS);
        assertTrue(Double.isNaN(endless.fuelToFlag()) && Double.isNaN(endless.fuelToAdd()));
        assertNull(endless.pitWindow());
        FuelFigures noLap = new FuelFigures().compute(Double.NaN, Double.NaN, 50, 0.05, 30, 10, 2);
        assertTrue(Double.isNaN(noLap.lapsOfFuel()) && Double.isNaN(noLap.fuelToFlag()));
        assertEquals(0, noLap.lapsPerTank());
        assertNull(noLap.pitWindow());
        FuelFigures noPosition = at(Double.NaN, 30, 10);
        assertEquals(25, noPosition.fuelToFlag(), EPS);
        assertNull(noPosition.pitWindow(), "no laps completed, no window");
        FuelFigures noTank = new FuelFigures().compute(2.5, 100, Double.NaN, 0, 30, 10, 0);
        assertEquals(0, noTank.lapsPerTank());
        assertNull(noTank.pitWindow());
        assertTrue(Double.isNaN(new FuelFigures().compute(2.5, 100, 50, -0.1, 30, 10, 0).fuelToAdd()),
                "a negative margin is no margin");
    }

    @Test
    void computesAgainWithoutAllocating() {
        FuelFigures f = new FuelFigures();
        assertSame(f, f.compute(2.5, 100, 50, 0, 30, 30, 10));
        f.compute(2.5, 100, 50, 0, 30, 30, 10);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            sum += f.compute(2.5, 100, 50, 0.05, 30 - i * 1e-3, 30, 10 + i * 1e-4).fuelToAdd();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(sum > 0);
        assertTrue(allocated < 1024, "10000 computations allocated " + allocated + " bytes");
    }

    @Test
    void textsUseOneVocabulary() {
        FuelFigures f = new FuelFigures().compute(2.5, 92, 60, 0.05, 60, 30, 0);
        assertEquals("18.8 L (5 % margin)", FuelText.toAdd(f));
        assertEquals("75.0 L", FuelText.litres(f.fuelToFlag()));
        assertEquals("After lap 8 to lap 22 (1 stop to go)", FuelText.window(f.pitWindow()));
        assertEquals("No stop needed", FuelText.window(new PitWindow(0, -1, -1)));
        assertEquals("After lap 7 (1 stop to go)", FuelText.window(new PitWindow(1, 7, 7)));
        assertEquals("Box now: the fuel runs out on lap 5 (2 stops to go)", FuelText.window(new PitWindow(2, 6, 4)));
        assertEquals("--", FuelText.window(null));
        assertEquals("--", FuelText.litres(Double.NaN));
        assertEquals("--", FuelText.toAdd(at(0, 10, Double.NaN)));
        assertEquals("2.5 %", FuelText.margin(0.025));
        assertEquals("0.51 L avg of 1 lap", FuelText.average(0.514, 1));
        assertEquals("0.51 L avg of 5 laps", FuelText.average(0.514, 5));
        assertEquals("--", FuelText.average(Double.NaN, 0));
        assertEquals("1:01:05", FuelText.clock(3665));
        assertEquals("4:05", FuelText.clock(245));
    }
}
