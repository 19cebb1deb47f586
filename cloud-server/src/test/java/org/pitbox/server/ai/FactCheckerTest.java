package org.pitbox.server.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.coach.FactSheet;

/** Core's fact check on a sheet as JSON: units read, citations skipped, unmatched numbers named as written. */
class FactCheckerTest {
    private static final String FACTS = new FactSheet().add("best.time", 92.4316, "s", 5, 0, 0, "SessionTime")
            .add("fuel.per_lap", 2.314, "L", 5, 0, 0, "FuelLevel").add("fuel.to_flag", 41.65, "L", 5, 0, 0, "FuelLevel")
            .add("lap5.t3.brake_vs_best", 12.2, "m", 5, 0, 3, "Brake").toJson();
    private final FactChecker checker = new FactChecker();

    @Test
    void numbersWithTheirUnitsMatchTheFacts() {
        AnswerChecker.Check c = checker.check("Best lap 1:32.43 on lap 5 [best.time], fuel 2.31 L a lap"
                + " [fuel.per_lap], 41.7 l to the flag [fuel.to_flag]; turn 3 braked 12 m late [lap5.t3.brake_vs_best].",
                FACTS);
        assertEquals(6, c.numbers());
        assertEquals(1.0, c.verifiedShare());
        assertEquals(List.of(), c.unmatched());
    }

    @Test
    void inventedNumbersAndWrongUnitsAreNamed() {
        AnswerChecker.Check c = checker.check("Add 45 l and pit on lap 5 [fuel.to_flag].", FACTS);
        assertEquals(List.of("45 l"), c.unmatched());
        assertEquals(0.5, c.verifiedShare());
        assertEquals(List.of("2.314 s"), checker.check("2.314 s", FACTS).unmatched());
        assertEquals(1.0, checker.check("Box this lap.", FACTS).verifiedShare());
        assertEquals(List.of("Turn 3"), checker.check("Turn 3 is slow.", "not json").unmatched());
    }
}
