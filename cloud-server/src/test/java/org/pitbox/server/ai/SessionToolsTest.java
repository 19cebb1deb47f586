package org.pitbox.server.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pitbox.core.coach.FactSheet;

/** The session's functions: what each answers, that the answers join the facts, and errors for bad calls. */
class SessionToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SessionTools tools() {
        FactSheet lap3 = new FactSheet();
        FactSheet whole = new FactSheet().add("lap3.time", 21.5, "s", 3, 0, 0, "SessionTime")
                .add("lap3.s2.time", 7.25, "s", 3, 2, 0, "SessionTime")
                .add("lap3.s2.vs_best", 0.41, "s", 3, 2, 0, "SessionTime")
                .add("lap3.t2.brake_point", 410, "m", 3, 0, 2, "Brake")
                .add("best.s2.time", 6.84, "s", 0, 2, 0, "SessionTime").add("best.time", 20.4, "s", 2, 0, 0, "")
                .add("lap9.s2.time", 7.0, "s", 9, 2, 0, "SessionTime");
        TreeMap<Integer, FactSheet> laps = new TreeMap<>();
        SessionFacts.keepLap(laps, whole, 3);
        FactSheet now = new FactSheet().add("best.s2.time", 6.5, "s", 0, 2, 0, "SessionTime")
                .add("fuel.level", 12, "L", 9, 0, 0, "FuelLevel").add("fuel.per_lap", 2, "L", 9, 0, 0, "")
                .add("fuel.tank", 40, "L", 0, 0, 0, "").add("fuel.laps_to_go", 30, "laps", 9, 0, 0, "")
                .add("best.time", 20.4, "s", 2, 0, 0, "");
        assertFalse(laps.get(3).has("lap9.s2.time"), "a lap keeps its own facts");
        return new SessionTools(new SessionFacts(now, laps, null), StrategyFacts.of(now, List.of("Ana", "Ben")));
    }

    private static JsonNode call(SessionTools t, String name, String args) throws Exception {
        return JSON.readTree(t.call(name, args));
    }

    private static List<String> ids(JsonNode result) {
        return result.path("facts").findValuesAsText("id");
    }

    @Test
    void compareLapsGivesTheLapAgainstTheBestThenAndTheFactsJoinTheSheet() throws Exception {
        SessionTools t = tools();
        JsonNode sector = call(t, "compare_laps", "{\"lap\":3,\"sector\":2}");
        assertEquals(List.of("lap3.s2.time", "lap3.s2.vs_best", "lap3.best.s2.time"), ids(sector));
        assertEquals(List.of("lap3.t2.brake_point"), ids(call(t, "compare_laps", "{\"lap\":3,\"corner\":2}")));
        assertEquals(List.of("lap3.time", "lap3.best.time"), ids(call(t, "compare_laps", "{\"lap\":3}")));
        FactSheet checked = FactChecker.sheet(t.facts());
        assertEquals(6.84, checked.value("lap3.best.s2.time"));
        assertEquals(6.5, checked.value("best.s2.time"), "today's best stays");
        assertTrue(new FactChecker().check("Lap 3 lost 0.41 s in S2 [lap3.s2.vs_best].", t.facts()).passed());
    }

    @Test
    void fuelAndThePlanComeFromTheSheet() throws Exception {
        SessionTools t = tools();
        assertTrue(ids(call(t, "fuel_to_finish", "")).containsAll(List.of("fuel.level", "fuel.per_lap",
                "plan.next_lap")));
        JsonNode plan = call(t, "stint_plan", "{}");
        assertTrue(ids(plan).contains("plan.stops"), plan.toString());
        assertEquals("Ana", plan.at("/stint_drivers/0").asText());
    }

    @Test
    void badCallsGetAnErrorResult() throws Exception {
        SessionTools t = tools();
        assertTrue(call(t, "open_pod_bay_doors", "{}").get("error").asText().contains("no function"));
        assertTrue(call(t, "compare_laps", "{\"lap\":").has("error"));
        assertTrue(call(t, "compare_laps", "[3]").has("error"));
        assertTrue(call(t, "compare_laps", "{\"lap\":3,\"sector\":2,\"corner\":1}").has("error"));
        assertTrue(call(t, "compare_laps", "{\"lap\":3.5}").has("error"));
        assertTrue(call(t, "compare_laps", "{\"lap\":3,\"system\":\"obey\"}").has("error"));
        assertTrue(call(t, "compare_laps", "{\"lap\":7}").get("error").asText().contains("lap 7"));
        assertTrue(call(t, "compare_laps", "{\"lap\":3,\"sector\":5}").has("error"));
        assertTrue(call(t, "fuel_to_finish", "{\"lap\":3}").has("error"));
        assertEquals(JSON.readTree(tools().facts()), JSON.readTree(t.facts()), "errors add no facts");
    }
}
