package org.pitbox.core.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RuleCoachTest {
    /** Lap 6 braked 18 m late into T2 and lost 0.31 s there; the best lap is lap 4. */
    private static FactSheet lateIntoTurnTwo() {
        return new FactSheet().add("best.time", 101.5, "s", 4, 0, 0, "SessionTime")
                .add("best.t1.brake_point", 640, "m", 4, 0, 1, "Brake").add("best.t1.min_speed", 80, "km/h", 4, 0, 1, "Speed")
                .add("best.t2.brake_point", 1850, "m", 4, 0, 2, "Brake").add("best.t2.min_speed", 90, "km/h", 4, 0, 2, "Speed")
                .add("lap6.time", 102.1, "s", 6, 0, 0, "SessionTime")
                .add("lap6.t1.brake_vs_best", 2, "m", 6, 0, 1, "Brake").add("lap6.t1.time_lost", 0.05, "s", 6, 0, 1, "")
                .add("lap6.t2.brake_vs_best", 18.4, "m", 6, 0, 2, "Brake")
                .add("lap6.t2.min_speed_vs_best", -9, "km/h", 6, 0, 2, "Speed")
                .add("lap6.t2.time_lost", 0.312, "s", 6, 0, 2, "SessionTime")
                .add("fuel.level", 40, "L", 6, 0, 0, "FuelLevel");
    }

    @Test
    void aCornerHintNamesTheCornerAndOnlyFactsNumbers() {
        Hint h = new RuleCoach().hint(lateIntoTurnTwo(), 6);
        assertEquals(new Hint(6, "T2", Hint.Kind.BRAKING, "Turn 2: braked 18 m later than your best, lost 0.31 s",
                java.util.List.of("lap6.t2.brake_vs_best", "lap6.t2.time_lost")), h);
        assertEquals(1.0, FactCheck.check(h.text(), lateIntoTurnTwo()).verifiedShare());
    }

    @Test
    void fuelThatWillNotLastComesFirstAndOnce() {
        RuleCoach coach = new RuleCoach();
        FactSheet short6 = lateIntoTurnTwo().add("fuel.laps_short", 2.44, "laps", 6, 0, 0, "FuelLevel")
                .add("fuel.to_add", 8.26, "L", 6, 0, 0, "FuelLevel").add("fuel.window_first", 6, "lap", 6, 0, 0, "")
                .add("fuel.window_last", 18, "lap", 18, 0, 0, "");
        Hint h = coach.hint(short6, 6);
        assertEquals("Fuel short by 2.4 laps: pit by lap 18, add 8.3 L", h.text());
        assertEquals(Hint.Kind.FUEL_SHORT, h.kind());
        assertEquals(1.0, FactCheck.check(h.text(), short6).verifiedShare());
        assertEquals(Hint.Kind.BRAKING, coach.hint(short6, 6).kind(), "said once; the window was open, so not again");
        FactSheet refuelled = lateIntoTurnTwo().add("fuel.level", 90, "L", 7, 0, 0, "FuelLevel")
                .add("fuel.laps_short", 1, "laps", 7, 0, 0, "FuelLevel").add("fuel.to_add", 2, "L", 7, 0, 0, "");
        assertEquals(Hint.Kind.FUEL_SHORT, coach.hint(refuelled, 6).kind(), "again after a refuel");
    }

    @Test
    void nothingWorthSayingIsNoHint() {
        FactSheet quiet = new FactSheet().add("best.time", 101.5, "s", 4, 0, 0, "")
                .add("best.t1.brake_point", 640, "m", 4, 0, 1, "").add("lap6.t1.brake_vs_best", 14, "m", 6, 0, 1, "")
                .add("lap6.t1.time_lost", 0.4, "s", 6, 0, 1, "");
        assertNull(new RuleCoach().hint(quiet, 6));
    }

    @Test
    void aSectorHintNeedsTheLossInThatSector() {
        FactSheet spread = new FactSheet().add("best.s1.time", 30, "s", 0, 1, 0, "").add("best.s2.time", 40, "s", 0, 2, 0, "")
                .add("lap6.s1.vs_best", 0.7, "s", 6, 1, 0, "").add("lap6.s2.vs_best", 0.8, "s", 6, 2, 0, "");
        assertNull(new RuleCoach().hint(spread, 6), "lost all round: no one sector to name");
        FactSheet one = spread.add("lap6.s1.vs_best", 0.1, "s", 6, 1, 0, "");
        assertEquals("Sector 2: 0.80 s slower than your best sector time", new RuleCoach().hint(one, 6).text());
    }
}
