package org.pitbox.server.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.coach.FactSheet;
import org.pitbox.protocol.api.AiApi.StrategyCard;

/**
 * The rule-based engineer's answers: a fuel or pit question answered in a sentence whose every number checks out
 * and whose litres are the strategy card's.
 */
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

    @Test
    void theBestAndTheLastLapAreSaidWithTheirLapsAndSectors() {
        String facts = new FactSheet().add("best.s1.time", 11.4098, "s", 3, 1, 0, "SessionTime")
                .add("best.s2.time", 11.3889, "s", 4, 2, 0, "SessionTime").add("best.time", 22.7987, "s", 3, 0, 0,
                        "SessionTime").add("lap3.time", 22.7987, "s", 3, 0, 0, "SessionTime")
                .add("lap4.time", 22.8636, "s", 4, 0, 0, "SessionTime").toJson();
        String best = answers.answer("What was the best lap?", facts);
        assertEquals("Best lap 22.799 s [best.time] on lap 3; the best sectors 11.41 s [best.s1.time], 11.389 s"
                + " [best.s2.time].", best);
        String last = answers.answer("How was my last lap?", facts);
        assertTrue(last.startsWith("Last lap, lap 4: 22.864 s [lap4.time]. Best lap 22.799 s"), last);
        for (String a : List.of(best, last)) {
            assertEquals(1.0, checker.check(a, facts).verifiedShare(), checker.check(a, facts).unmatched().toString());
        }
    }

    /** Lap 14 just completed: 2 L a lap on a 40 L tank, 12 L on board, 30 laps to go, the window laps 13 to 19. */
    private static FactSheet race() {
        return new FactSheet().add("best.time", 20.4, "s", 9, 0, 0, "SessionTime")
                .add("fuel.level", 12, "L", 14, 0, 0, "FuelLevel").add("fuel.per_lap", 2, "L", 14, 0, 0, "FuelLevel")
                .add("fuel.tank", 40, "L", 0, 0, 0, "FuelLevelPct").add("fuel.laps_of_fuel", 6, "laps", 14, 0, 0, "")
                .add("fuel.laps_to_go", 30, "laps", 14, 0, 0, "").add("fuel.to_flag", 60, "L", 14, 0, 0, "")
                .add("fuel.to_add", 51, "L", 14, 0, 0, "").add("fuel.margin", 5, "%", 0, 0, 0, "")
                .add("fuel.laps_short", 24, "laps", 14, 0, 0, "").add("fuel.window_first", 13, "lap", 13, 0, 0, "")
                .add("fuel.window_last", 19, "lap", 19, 0, 0, "");
    }

    @Test
    void pitAndFuelQuestionsAddTheCardsLitres() {
        StrategyFacts.Plan plan = StrategyFacts.of(race(), List.of("Ana"));
        String facts = plan.sheet().toJson();
        StrategyCard card = StrategyCards.of(plan, 3).getFirst();
        assertEquals("pit-this-lap", card.kind());
        assertTrue(plan.sheet().value("plan.stops") > 1, "more than a tank to the flag: " + facts);
        String pit = answers.answer("When should we pit?", facts);
        String said = "Box this lap, lap 15 [plan.next_lap]: the pit window is laps 13 [fuel.window_first] to 19"
                + " [fuel.window_last]; add ";
        assertTrue(pit.startsWith(said) && pit.endsWith(" L [plan.stint2.fuel_to_add], four tyres."), pit);
        assertEquals(card.fuelLiters(), Double.valueOf(pit.substring(said.length(), pit.indexOf(" L ["))));
        String fuel = answers.answer("How much fuel do we need to finish?", facts);
        assertTrue(fuel.startsWith("Add "), fuel);
        assertEquals(card.fuelLiters(), Double.valueOf(fuel.substring(4, fuel.indexOf(" L ["))));
        assertTrue(fuel.contains(" L [plan.stint2.fuel_to_add] at the next stop, " + (int) plan.sheet().value(
                "plan.stops") + " [plan.stops] stops to the flag"), fuel);
        assertEquals(1.0, checker.check(pit, facts).verifiedShare(), pit);
        assertEquals(1.0, checker.check(fuel, facts).verifiedShare(), fuel);
    }
}
