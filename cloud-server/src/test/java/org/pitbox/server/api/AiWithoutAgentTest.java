package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server without a GradientAI endpoint answers from the rule-based fallback, labelled, every number verified. */
class AiWithoutAgentTest extends ApiTestBase {
    @Test
    void answersAreRuleBasedAndVerified() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        long session = upload(owner, team, Ibts.martinsville(3), "D", "2025-05-01T18:30:00Z");
        SseEvents events = SseEvents.parse(send("POST", "/api/v1/teams/" + team + "/ai/sessions/" + session
                + "/chat", owner.token(), Map.of("question", "How are my sectors?")).is(200).body());
        JsonNode done = events.done();
        assertEquals("rule-based", done.get("source").asText());
        assertEquals(1.0, done.get("verifiedShare").asDouble(), events.text());
        assertEquals(done.get("text").asText(), events.text());
        assertTrue(events.text().contains("[best.s1.time]"), events.text());
        assertTrue(send("GET", "/metrics", METRICS_TOKEN, null).body()
                .contains("pitbox_ai_fallbacks_total{reason=\"no_agent\",team=\"" + team + "\"} 1.0"));
    }
}
