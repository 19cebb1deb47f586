package org.pitbox.server.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain answer checker: numbers match facts at their written precision or within 1 %. */
class NumberCheckerTest {
    private static final String FACTS = "{\"facts\":[{\"id\":\"best_lap\",\"value\":92.4316,\"unit\":\"s\","
            + "\"source\":{\"lap\":5}},{\"id\":\"fuel_per_lap\",\"value\":2.314,\"unit\":\"l\",\"source\":{}},"
            + "{\"id\":\"fuel_to_finish\",\"value\":41.65,\"unit\":\"l\",\"source\":{}}]}";
    private final NumberChecker checker = new NumberChecker();

    @Test
    void numbersAsWrittenMatchTheFacts() {
        AnswerChecker.Check c = checker.check("Best lap 1:32.43 on lap 5 [best_lap], fuel 2.31 l a lap"
                + " [fuel_per_lap], 41.7 l to the flag.", FACTS);
        assertEquals(4, c.numbers());
        assertEquals(1.0, c.verifiedShare());
        assertEquals(List.of(), c.unmatched());
    }

    @Test
    void inventedNumbersAreNamed() {
        AnswerChecker.Check c = checker.check("Add 45 l and pit on lap 5 [fuel_to_finish].", FACTS);
        assertEquals(List.of("45"), c.unmatched());
        assertEquals(0.5, c.verifiedShare());
        assertEquals(1.0, checker.check("Box this lap.", FACTS).verifiedShare());
        assertEquals(List.of("3"), checker.check("Turn 3 is slow.", "not json").unmatched());
    }
}
