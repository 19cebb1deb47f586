package org.pitbox.server.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pitbox.core.coach.FactSheet;

/** The rule-based engineer's answers: a fuel question answered in a sentence whose every number checks out. */
class RuleBasedAnswersTest {
    private final RuleBasedAnswers answers = new RuleBasedAnswers();
    private final FactChecker checker = new FactChecker();

    private static FactSheet fuel(double toAdd) {
        return new FactSheet().add("fuel.level", 7.0989, "L", 5, 0, 0, "FuelLevel")
                .add("fuel.per_lap", 2.4743, "L", 5, 0, 0, "FuelLevel")
                .add("fuel.laps_of_fuel", 2.8691, "laps", 5, 0, 0, "FuelLevel")
                .add("fuel.laps_to_go", 7.9999, "laps", 5, 0, 0, "")
                .add("fuel.to_flag", 19.7941, "L", 5, 0, 0, "FuelLevel")
                .add("fuel.to_add", toAdd, "L", 5, 0, 0, "FuelLevel");
    }

    @Test
    void aFuelQuestionGetsWhatToAddWithItsReasons() {
        String facts = fuel(13.6849).toJson();
        String a = answers.answer("How much fuel do we need to finish?", facts);
        assertEquals("Add 13.7 L [fuel.to_add] at the stop, the safety margin included: the flag needs 19.8 L"
                + " [fuel.to_flag], 8 laps [fuel.laps_to_go] to go at 2.47 L [fuel.per_lap] a lap, and the 7.1 L"
                + " [fuel.level] in the tank last 2.9 laps [fuel.laps_of_fuel].", a);
        AnswerChecker.Check c = checker.check(a, facts);
        assertEquals(6, c.numbers());
        assertEquals(1.0, c.verifiedShare(), c.unmatched().toString());
    }

    @Test
    void enoughFuelSaysSoAndOtherQuestionsListTheFigures() {
        String facts = fuel(0).toJson();
        String a = answers.answer("fuel?", facts);
        assertTrue(a.startsWith("No fuel to add: the 7.1 L [fuel.level] in the tank last 2.9 laps"), a);
        assertEquals(1.0, checker.check(a, facts).verifiedShare());
        String laps = answers.answer("what about my laps?", new FactSheet().add("best.time", 92.4316, "s", 5, 0, 0,
                "SessionTime").toJson());
        assertEquals("No AI answer now; the figures I have: best.time 92.432 s on lap 5 [best.time].", laps);
    }
}
