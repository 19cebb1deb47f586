package org.pitbox.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.PitWindow;

/**
 * Strategy figures worked out by hand, the arithmetic beside each assertion. The car throughout: 2.5 L per lap,
 * 1:32 (92 s) laps, a 60 L tank. Margins are fractions of the fuel planned, as {@link FuelFigures} takes them.
 */
class StrategyHandWorkedTest {
    private static final double EPS = 1e-9;

    /** The car's figures {@code position} laps into a race with {@code lapsToGo} to go and {@code fuel} on board. */
    private static FuelFigures car(double margin, double fuel, double lapsToGo, double position) {
        return new FuelFigures().compute(2.5, 92, 60, margin, fuel, lapsToGo, position);
    }

    /** A 30-lap race with a margin of half a lap over the race: 0.5 / 30 = 1/60 of the fuel. */
    @Test
    void lapRaceWithHalfALapOfMargin() {
        FuelFigures start = car(1.0 / 60, 60, RaceLength.laps(30).lapsToGo(0, 92), 0);
        // fuel to the flag: 30 laps x 2.5 L = 75 L, without the margin
        assertEquals(75, start.fuelToFlag(), EPS);
        // fuel to add: 75 L plus half a lap (1.25 L) = 76.25 L, less the 60 L on board = 16.25 L
        assertEquals(16.25, start.fuelToAdd(), EPS);
        // a full tank: 60 / (2.5 x 61/60 = 2.5417 L) = 23.6 -> 23 whole laps with the margin
        assertEquals(23, start.lapsPerTank());
        // 60 L on board last 60 / 2.5 = 24 laps, 24 x 92 = 2208 s, without the margin
        assertEquals(24, start.lapsOfFuel(), EPS);
        assertEquals(2208, start.secondsOfFuel(), EPS);
        // latest stop: floor(24 / (61/60)) = floor(23.6) = lap 23; 30 - 23 = 7 laps left need 1 stop;
        // earliest: after lap 30 - 1 x 23 = 7 a full tank (23 laps) reaches the flag
        assertEquals(new PitWindow(1, 7, 23), start.pitWindow());

        // lap 12 done, 30 L on board: 18 laps to go, 45 L to the flag;
        // add 18 x 2.5 x 61/60 = 45.75 L less 30 L = 15.75 L
        FuelFigures lap12 = car(1.0 / 60, 30, RaceLength.laps(30).lapsToGo(12, 92), 12);
        assertEquals(18, lap12.lapsToGo(), EPS);
        assertEquals(45, lap12.fuelToFlag(), EPS);
        assertEquals(15.75, lap12.fuelToAdd(), EPS);
        // 30 L last 12 laps, 12 / (61/60) = 11.8 -> latest lap 12 + 11 = 23; earliest max(12, 30 - 23 = 7) = 12
        assertEquals(new PitWindow(1, 12, 23), lap12.pitWindow());
    }

    /** The same race with no margin gives a lap more per tank, so the window moves. */
    @Test
    void lapRaceWithoutMargin() {
        FuelFigures start = car(0, 60, 30, 0);
        // 30 x 2.5 = 75 L; 60 / 2.5 = 24 laps a tank; latest 24, earliest 30 - 24 = 6; add 75 - 60 = 15 L
        assertEquals(75, start.fuelToFlag(), EPS);
        assertEquals(15, start.fuelToAdd(), EPS);
        assertEquals(24, start.lapsPerTank());
        assertEquals(new PitWindow(1, 6, 24), start.pitWindow());
        // 10 L on board at lap 20: 4 laps of fuel, latest lap 24; 10 laps to go fit in a tank: 1 stop,
        // earliest max(20, 30 - 24 = 6) = 20; add 10 x 2.5 - 10 = 15 L
        FuelFigures lap20 = car(0, 10, 10, 20);
        assertEquals(new PitWindow(1, 20, 24), lap20.pitWindow());
        assertEquals(15, lap20.fuelToAdd(), EPS);
    }

    /** A 45-minute race with a 5 % margin: it ends at the first crossing of the line after 45:00. */
    @Test
    void timedRaceWithMargin() {
        // at the start (0 % of the lap): 2700 s / 92 s = 29.35, so lap 29 ends at 2668 s, before the clock,
        // and a 30th lap is started: 1 + ceil((2700 - 92) / 92 = 28.35) = 30 laps, flag at 2760 s
        assertEquals(30, RaceLength.time(2700).lapsToGo(0, 92), EPS);
        FuelFigures start = car(0.05, 60, 30, 0);
        // 30 x 2.5 = 75 L to the flag; with 5 %: 78.75 L, less 60 L on board: add 18.75 L
        assertEquals(75, start.fuelToFlag(), EPS);
        assertEquals(18.75, start.fuelToAdd(), EPS);
        // a tank lasts 60 / 2.625 = 22.86 -> 22 laps; 60 L -> latest floor(24 / 1.05 = 22.86) = lap 22;
        // 8 laps left need 1 stop; earliest 30 - 22 = 8
        assertEquals(22, start.lapsPerTank());
        assertEquals(new PitWindow(1, 8, 22), start.pitWindow());

        // 20:00 (1200 s) left at 40 % of lap 17 (16.4 laps done), 20 L on board:
        // the rest of this lap is 0.6 x 92 = 55.2 s; ceil((1200 - 55.2) / 92 = 12.44) = 13 more laps -> 13.6
        double toGo = FuelFigures.lapsToGo(32_767, 1200, 92, 0.4);
        assertEquals(13.6, toGo, EPS);
        // 13.6 x 2.5 = 34 L to the flag; 35.7 L with the margin, less 20 L: add 15.7 L
        FuelFigures late = car(0.05, 20, toGo, 16.4);
        assertEquals(34, late.fuelToFlag(), EPS);
        assertEquals(15.7, late.fuelToAdd(), EPS);
        // the race is 16.4 + 13.6 = 30 laps; 20 L last 8 laps, 8 / 1.05 = 7.62 -> latest floor(24.02) = 24;
        // 6 laps left: 1 stop; earliest max(ceil(16.4) = 17, 30 - 22 = 8) = 17
        assertEquals(new PitWindow(1, 17, 24), late.pitWindow());
    }

    /** 60 laps, 5 % margin, 40 s stops, two drivers sharing fairly. */
    @Test
    void lapRaceStintPlanWithTwoDriversFairShare() {
        CarSpec car = new CarSpec(92, 2.5, 60, Double.NaN, 0.05, 40, 0);
        StintPlan p = new StintPlanner(RaceLength.laps(60), car, List.of(Driver.of("Ann"), Driver.of("Bob")),
                Rotation.fairShare()).plan();
        // a tank: 60 / 2.625 = 22 laps; 60 laps need 3 stints; even: 60 / 3 = 20 laps each
        assertEquals(List.of(20, 20, 20), p.stints().stream().map(Stint::laps).toList());
        assertEquals(List.of(1, 21, 41), p.stints().stream().map(Stint::firstLap).toList());
        // Ann first (list order), then Bob (less time on track), then Ann again (a tie goes to the first)
        assertEquals(List.of("Ann", "Bob", "Ann"), p.stints().stream().map(Stint::driver).toList());
        // the first stint starts with what it needs: 20 x 2.625 = 52.5 L and ends with 52.5 - 20 x 2.5 = 2.5 L
        Stint first = p.stints().get(0);
        assertEquals(52.5, first.fuelAtStart(), EPS);
        assertEquals(2.5, first.fuelAtEnd(), EPS);
        // each stop adds 52.5 - 2.5 = 50 L; 2 stops, 100 L
        assertEquals(50, p.stints().get(1).fuelAdded(), EPS);
        assertEquals(100, p.fuelAdded(), EPS);
        // stint 2 starts after 20 x 92 = 1840 s and a 40 s stop: 1880 s; the flag at 60 x 92 + 2 x 40 = 5600 s
        assertEquals(1880, p.stints().get(1).startTime(), EPS);
        assertEquals(2, p.stops());
        assertEquals(5600, p.finishTime(), EPS);
        // Ann drives 40 laps (3680 s), Bob 20 (1840 s)
        assertEquals(Map.of("Ann", 3680.0, "Bob", 1840.0), p.driveSeconds());
        assertTrue(p.warnings().isEmpty());

        // in order, two stints in a row: Ann stays in for stint 2, then must hand over to Bob
        StintPlan inOrder = new StintPlanner(RaceLength.laps(60), car,
                List.of(Driver.of("Ann"), Driver.of("Bob")), Rotation.inOrder(2)).plan();
        assertEquals(List.of("Ann", "Ann", "Bob"), inOrder.stints().stream().map(Stint::driver).toList());
        assertEquals(5600, inOrder.finishTime(), EPS);
    }

    /** The 45-minute race with two drivers and a 40 s stop: the stop costs a lap. */
    @Test
    void timedRaceStintPlanWithTwoDrivers() {
        CarSpec car = new CarSpec(92, 2.5, 60, Double.NaN, 0.05, 40, 0);
        StintPlan p = new StintPlanner(RaceLength.time(2700), car, List.of(Driver.of("Ann"), Driver.of("Bob")),
                Rotation.fairShare()).plan();
        // without a stop 30 laps (see above), more than a 22-lap tank; with one 40 s stop the laps to the flag
        // are ceil((2700 - 40) / 92 = 28.9) = 29, split over 2 stints: (29 + 1) / 2 = 15, then 14
        assertEquals(List.of(15, 14), p.stints().stream().map(Stint::laps).toList());
        assertEquals(List.of("Ann", "Bob"), p.stints().stream().map(Stint::driver).toList());
        // stint 1: 15 x 2.625 = 39.375 L, ends with 39.375 - 15 x 2.5 = 1.875 L after 15 x 92 = 1380 s
        assertEquals(39.375, p.stints().get(0).fuelAtStart(), EPS);
        assertEquals(1380, p.stints().get(0).endTime(), EPS);
        // stint 2 starts at 1380 + 40 = 1420 s: 1280 s left, 14 laps (lap 13 would end at 2616 s < 2700);
        // it needs 14 x 2.625 = 36.75 L, so the stop adds 36.75 - 1.875 = 34.875 L
        Stint second = p.stints().get(1);
        assertEquals(16, second.firstLap());
        assertEquals(1420, second.startTime(), EPS);
        assertEquals(34.875, second.fuelAdded(), EPS);
        // the flag: 1420 + 14 x 92 = 2708 s, 29 laps
        assertEquals(2708, p.finishTime(), EPS);
        assertEquals(29, p.laps());
        assertEquals(Map.of("Ann", 1380.0, "Bob", 1288.0), p.driveSeconds());
    }
}
