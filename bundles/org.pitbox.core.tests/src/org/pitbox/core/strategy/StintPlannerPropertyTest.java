package org.pitbox.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Random races: the plan never runs dry, covers the race exactly and keeps the rotation rules. */
class StintPlannerPropertyTest {
    private static final double EPS = 1e-6;

    @Test
    void randomPlansHoldTheirPromises() {
        Random r = new Random(7);
        int planned = 0;
        for (int run = 0; run < 1000; run++) {
            double lapTime = 60 + r.nextDouble() * 120;
            double perLap = 0.5 + r.nextDouble() * 4;
            double tank = perLap * (2 + r.nextDouble() * 40);
            double margin = r.nextInt(3) * 0.05;
            double start = r.nextBoolean() ? Double.NaN : tank * (0.2 + 0.8 * r.nextDouble());
            CarSpec car;
            try {
                car = new CarSpec(lapTime, perLap, tank, start, margin, r.nextDouble() * 80,
                        r.nextBoolean() ? 0 : 1 + r.nextDouble() * 3);
            } catch (IllegalArgumentException tooLittleFuel) {
                continue;
            }
            RaceLength race = r.nextBoolean() ? RaceLength.laps(1 + r.nextInt(400))
                    : RaceLength.time(300 + r.nextDouble() * 24 * 3600);
            List<Driver> drivers = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                Driver d = Driver.of("D" + i);
                drivers.add(r.nextBoolean() ? d : d.withMaxStint(lapTime * (1 + r.nextInt(60))));
            }
            Rotation rotation = r.nextBoolean() ? Rotation.fairShare()
                    : Rotation.inOrder(1 + r.nextInt(3));
            StintPlan plan;
            try {
                plan = new StintPlanner(race, car, drivers, rotation).plan();
            } catch (IllegalArgumentException noDriverLeft) {
                assertTrue(noDriverLeft.getMessage().contains("no driver"), noDriverLeft.getMessage());
                continue;
            }
            check(plan, car, race, drivers, rotation);
            planned++;
        }
        assertTrue(planned > 500, "planned " + planned);
    }

    private static void check(StintPlan plan, CarSpec car, RaceLength race, List<Driver> drivers, Rotation rot) {
        String why = plan.describe();
        int nextLap = 1;
        double clock = 0;
        String last = null;
        int inARow = 0;
        double continuous = 0;
        Map<String, Double> driven = new HashMap<>();
        for (Stint s : plan.stints()) {
            assertEquals(nextLap, s.firstLap(), why);
            assertTrue(s.laps() >= 1, why);
            assertTrue(s.fuelAtStart() >= s.laps() * car.planned() - EPS, "fuel runs out\n" + why);
            assertTrue(s.fuelAtStart() <= car.tankSize() + EPS, "tank overfilled\n" + why);
            assertTrue(s.fuelAtEnd() >= -EPS, why);
            assertEquals(clock + s.stopSeconds(), s.startTime(), EPS, why);
            assertEquals(s.startTime() + s.laps() * car.lapTime(), s.endTime(), EPS, why);
            inARow = s.driver().equals(last) ? inARow + 1 : 1;
            continuous = s.driver().equals(last) ? continuous + s.driveSeconds() : s.driveSeconds();
            Driver d = drivers.stream().filter(x -> x.name().equals(s.driver())).findFirst().orElseThrow();
            assertTrue(inARow <= rot.maxStintsInARow(), why);
            assertTrue(continuous <= d.maxStintSeconds() + EPS, why);
            driven.merge(s.driver(), s.driveSeconds(), Double::sum);
            last = s.driver();
            nextLap += s.laps();
            clock = s.endTime();
        }
        assertEquals(clock, plan.finishTime(), EPS);
        if (race.timed()) {
            Stint end = plan.stints().get(plan.stints().size() - 1);
            double crossingBefore = end.laps() > 1 ? end.endTime() - car.lapTime() : end.startTime() - end.stopSeconds();
            assertTrue(plan.finishTime() >= race.seconds() - EPS, why);
            assertTrue(plan.stints().size() == 1 && end.laps() == 1 || crossingBefore < race.seconds() + EPS,
                    "the race should have ended a lap earlier\n" + why);
        } else {
            assertEquals(race.laps(), plan.laps(), why);
        }
        driven.forEach((n, t) -> assertEquals(t, plan.driveSeconds().get(n), EPS));
    }
}
