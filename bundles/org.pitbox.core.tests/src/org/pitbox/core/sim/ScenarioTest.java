package org.pitbox.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.core.coach.Hint;

/** The rule-based coach on every scenario: what it finds, and that every number it writes is a fact. */
class ScenarioTest {
    static List<Scenario> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theCoachFindsTheTruthsAndNothingElse(Scenario scenario) {
        Evaluation e = Evaluation.of(scenario);
        assertEquals(1.0, e.recall(), scenario.name() + ": " + scenario.truths() + " in " + e.hints());
        assertEquals(1.0, e.precision(), scenario.name() + ": " + e.hints());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyNumberIsAFactAndEveryHintShort(Scenario scenario) {
        Evaluation e = Evaluation.of(scenario);
        assertTrue(e.numbers() > 0, scenario.name());
        assertEquals(e.numbers(), e.verified(), scenario.name() + ": " + e.hints());
        Set<Integer> laps = new HashSet<>();
        for (Hint h : e.hints()) {
            assertTrue(h.text().split("\\s+").length <= Hint.MAX_WORDS, h.text());
            assertTrue(laps.add(h.lap()), "one hint a lap: " + e.hints());
            assertFalse(h.facts().isEmpty(), h.text());
        }
    }

    @Test
    void scenariosAreFoundByName() {
        assertEquals("spin", Scenarios.find(" SPIN ").orElseThrow().name());
        assertTrue(Scenarios.find("nope").isEmpty());
        assertTrue(Scenarios.names().startsWith("clean, late-braking"), Scenarios.names());
    }

    @Test
    void monzaHasSixCornersAChicaneBeingOne() {
        List<double[]> corners = Scenarios.find("clean").orElseThrow().corners();
        assertEquals(6, corners.size());
        assertTrue(corners.get(0)[0] < 700 && corners.get(0)[1] > 800, "the first chicane is one corner");
    }
}
