package org.pitbox.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StintPlannerTest {
    private static final double EPS = 1e-9;
    private static final Driver A = Driver.of("Ann");
    private static final Driver B = Driver.of("Bob");

    private static CarSpec car(double tank, double pitLoss) {
        return new CarSpec(100, 2, tank, tank, 0, pitLoss, 0);
    }

    @Test
    void raceShorterThanATankIsOneStint() {
        StintPlan p = new StintPlanner(RaceLength.laps(10), CarSpec.of(100, 2, 60, 25), List.of(A),
                Rotation.fairShare()).plan();
        assertEquals(0, p.stops());
        assertEquals(1, p.stints().size());
        assertEquals(10, p.laps());
        assertEquals(21, p.stints().get(0).fuelAtStart(), EPS, "10 laps at 2 l plus 5 %");
        assertEquals(1000, p.finishTime(), EPS);
    }

    @Test
    void lapRaceSplitsEvenly() {
        StintPlan p = new StintPlanner(RaceLength.laps(50), car(40, 30), List.of(A, B), Rotation.fairShare()).plan();
        assertEquals(List.of(17, 17, 16), p.stints().stream().map(Stint::laps).toList());
        assertEquals(List.of("Ann", "Bob", "Ann"), p.stints().stream().map(Stint::driver).toList());
        Stint s2 = p.stints().get(1);
        assertEquals(18, s2.firstLap());
        assertEquals(28, s2.fuelAdded(), EPS, "6 l left, 34 l needed");
        assertEquals(32, p.stints().get(2).fuelAdded(), EPS);
        assertEquals(5060, p.finishTime(), EPS);
        assertEquals(60, p.pitSeconds(), EPS);
        assertEquals(Map.of("Ann", 3300.0, "Bob", 1700.0), p.driveSeconds());
    }

    @Test
    void timedRaceEndsAtTheFirstCrossingAfterTheClock() {
        StintPlan p = new StintPlanner(RaceLength.time(3600), car(40, 50), List.of(A), Rotation.fairShare()).plan();
        assertEquals(List.of(18, 18), p.stints().stream().map(Stint::laps).toList());
        assertEquals(3650, p.finishTime(), EPS);
        assertEquals(32, p.stints().get(1).fuelAdded(), EPS);
    }

    @Test
    void stopsShortenATimedRace() {
        StintPlan p = new StintPlanner(RaceLength.time(3600), car(30, 60), List.of(A), Rotation.fairShare()).plan();
        assertEquals(List.of(12, 12, 11), p.stints().stream().map(Stint::laps).toList());
        assertEquals(35, p.laps());
        assertEquals(3620, p.finishTime(), EPS);
        assertEquals(List.of(0.0, 18.0, 22.0), p.stints().stream().map(Stint::fuelAdded).toList());
    }

    @Test
    void refuellingTimeCounts() {
        CarSpec c = car(40, 30).withRefuelRate(2);
        StintPlan p = new StintPlanner(RaceLength.laps(50), c, List.of(A), Rotation.fairShare()).plan();
        assertEquals(30 + 14, p.stints().get(1).stopSeconds(), EPS);
        assertEquals(30 + 16, p.stints().get(2).stopSeconds(), EPS);
    }

    @Test
    void maxStintTimeForcesAStopBeforeTheTankIsEmpty() {
        List<Driver> both = List.of(A.withMaxStint(1000), B.withMaxStint(1000));
        StintPlan p = new StintPlanner(RaceLength.laps(30), car(100, 30), both, Rotation.fairShare()).plan();
        assertEquals(List.of(10, 10, 10), p.stints().stream().map(Stint::laps).toList());
        assertEquals(List.of("Ann", "Bob", "Ann"), p.stints().stream().map(Stint::driver).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StintPlanner(
                RaceLength.laps(30), car(100, 30), List.of(A.withMaxStint(1000)), Rotation.fairShare()).plan());
        assertTrue(e.getMessage().contains("no driver for stint 2"), e.getMessage());
    }

    @Test
    void inOrderDoubleStints() {
        StintPlan p = new StintPlanner(RaceLength.laps(100), car(40, 30), List.of(A, B), Rotation.inOrder(2)).plan();
        assertEquals(List.of("Ann", "Ann", "Bob", "Bob", "Ann"), p.stints().stream().map(Stint::driver).toList());
    }

    @Test
    void minimumDriveTimeOutOfReachIsAWarning() {
        StintPlan p = new StintPlanner(RaceLength.laps(10), car(40, 30), List.of(A, B.withMinDrive(600)),
                Rotation.fairShare()).plan();
        assertEquals(1, p.warnings().size());
        assertTrue(p.warnings().get(0).startsWith("Bob drives 0:00:00"), p.warnings().get(0));
        assertTrue(p.describe().contains("warning: Bob"), p.describe());
    }

    @Test
    void rejectsBadInputs() {
        assertThrows(IllegalArgumentException.class, () -> CarSpec.of(100, 0, 60, 25));
        assertThrows(IllegalArgumentException.class, () -> CarSpec.of(100, -2, 60, 25));
        assertThrows(IllegalArgumentException.class, () -> CarSpec.of(100, 70, 60, 25), "tank lasts no lap");
        assertThrows(IllegalArgumentException.class, () -> car(40, 30).withStartFuel(1));
        assertThrows(IllegalArgumentException.class, () -> RaceLength.laps(0));
        assertThrows(IllegalArgumentException.class, () -> RaceLength.time(-5));
        assertThrows(IllegalArgumentException.class, () -> A.withMaxStint(0));
        assertThrows(IllegalArgumentException.class,
                () -> new StintPlanner(RaceLength.laps(5), car(40, 0), List.of(), Rotation.fairShare()));
        assertThrows(IllegalArgumentException.class,
                () -> new StintPlanner(RaceLength.laps(5), car(40, 0), List.of(A, A), Rotation.fairShare()));
        assertThrows(IllegalArgumentException.class, () -> new StintPlanner(RaceLength.laps(5), car(40, 0),
                List.of(A.withMaxStint(50)), Rotation.fairShare()).plan());
    }
}
