package org.pitbox.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.laps.Lap;

class FuelCalculatorTest {
    private static final double EPS = 1e-9;
    private final FuelCalculator calc = new FuelCalculator(2.5, 100, 50, 0);

    @Test
    void consumptionComesFromFuelStats() {
        double[] used = {3.0, 3.2, 2.8, 3.0, 3.5, 2.9};
        List<Lap> laps = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            laps.add(new Lap(i + 1, 0, 0, 100 * i, 100 * i + 100, 0, 1, Set.of(), List.of(), used[i]));
        }
        Consumption c = Consumption.of(FuelStats.of(laps));
        assertEquals(6, c.laps());
        assertEquals(2.9, c.last(), EPS);
        assertEquals((3.0 + 3.5 + 2.9) / 3, c.average3(), EPS);
        assertEquals((3.2 + 2.8 + 3.0 + 3.5 + 2.9) / 5, c.average5(), EPS);
        assertEquals(18.4 / 6, c.average10(), EPS);
        assertEquals(2.8, c.min(), EPS);
        assertEquals(3.5, c.max(), EPS);
        assertTrue(Double.isNaN(Consumption.of(FuelStats.of(List.of())).average5()));
    }

    @Test
    void lapsAndTimeOnFuel() {
        assertEquals(4, calc.lapsOnFuel(10), EPS);
        assertEquals(400, calc.secondsOnFuel(10), EPS);
        assertEquals(0, calc.lapsOnFuel(0), EPS);
    }

    @Test
    void fuelToFinishAndToAdd() {
        assertEquals(20, calc.fuelToFinish(8), EPS);
        assertEquals(22, new FuelCalculator(2.5, 100, 50, 0.1).fuelToFinish(8), EPS);
        assertEquals(40, calc.fuelToAdd(30, 10), EPS, "limited by the tank");
        assertEquals(15, calc.fuelToAdd(10, 10), EPS);
        assertEquals(0, calc.fuelToAdd(2, 10), EPS);
    }

    @Test
    void timedRaceLapsToGo() {
        // 250 s left at 40 % of a 100 s lap: 0.6 laps, then 190 s: two more laps
        assertEquals(2.6, calc.lapsToGo(250, 0.4), EPS);
    }

    @Test
    void oneStopWindow() {
        // 20 laps per tank; 30 l last to lap 22; after lap 20 the last 20 laps fit in a tank
        assertEquals(new PitWindow(1, 20, 22), calc.pitWindow(10, 30, 40));
        assertTrue(calc.pitWindow(10, 30, 40).open());
    }

    @Test
    void twoStopWindowAndMidLapPosition() {
        assertEquals(new PitWindow(2, 20, 22), calc.pitWindow(10.5, 30, 60));
        assertEquals(new PitWindow(2, 11, 22), calc.pitWindow(10.5, 30, 50));
    }

    @Test
    void noStopWhenTheFuelLasts() {
        PitWindow w = calc.pitWindow(10, 30, 22);
        assertFalse(w.needed());
        assertEquals(-1, w.earliest());
    }

    @Test
    void marginShrinksTheWindow() {
        FuelCalculator m = new FuelCalculator(2.5, 100, 50, 0.25);
        assertEquals(16, m.lapsPerTank());
        assertEquals(new PitWindow(1, 14, 16), m.pitWindow(0, 50, 30));
    }

    @Test
    void closedWindowWhenFuelRunsOutFirst() {
        PitWindow w = calc.pitWindow(0, 10, 30);
        assertEquals(new PitWindow(2, 0, 4), w);
        assertTrue(w.open());
        assertFalse(calc.pitWindow(20.5, 1, 41).open(), "the fuel does not finish lap 21");
    }

    @Test
    void rejectsBadConsumption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FuelCalculator(0, 100, 50, 0));
        assertTrue(e.getMessage().contains("fuel per lap"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FuelCalculator(-1, 100, 50, 0));
        assertThrows(IllegalArgumentException.class, () -> new FuelCalculator(Double.NaN, 100, 50, 0));
        assertThrows(IllegalArgumentException.class, () -> new FuelCalculator(2, 0, 50, 0));
        assertThrows(IllegalArgumentException.class, () -> new FuelCalculator(2, 100, 50, -0.1));
        assertThrows(IllegalArgumentException.class, () -> calc.lapsOnFuel(-1));
        assertThrows(IllegalArgumentException.class, () -> new FuelCalculator(60, 100, 50, 0).pitWindow(0, 50, 3));
    }
}
