package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pitbox.core.coach.Coach;
import org.pitbox.core.coach.FactCheck;
import org.pitbox.core.coach.Hint;
import org.pitbox.core.sim.Scenarios;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.SessionCoach;
import org.pitbox.iracing.ibt.IbtWriter;
import org.pitbox.iracing.sessioninfo.SessionInfoParser;
import org.pitbox.server.ai.FactChecker;
import org.pitbox.server.ai.FakeGradient;
import org.pitbox.server.ai.FakeGradient.Error;

/**
 * Strategy cards with the assistant's answers, from the agent and from the rule-based fallback alike: a session of
 * the pit-window scenario cut on the lap the window opens, in a team of two drivers, gives a pit-this-lap card
 * (fuel and four tyres) and a driver swap, each a {@code card} event before {@code done}, every number on it in
 * the stored facts, stored with the insight and listed with it; a member's decision on a card is stored with it.
 */
class AiStrategyCardsTest extends ApiTestBase {
    private final FakeGradient fake = FakeGradient.agent();
    private User owner;
    private long team;
    private long session;

    @Override
    Map<String, String> settings() {
        return fake.serverSettings(5);
    }

    @BeforeAll
    void makeSession() throws Exception {
        owner = newUser();
        team = newTeam(owner);
        member(team, owner, "driver");
        member(team, owner, "engineer");
        session = upload(owner, team, windowOpen(), "D", "2025-05-01T18:30:00Z");
        fake.answerWith(request -> "Box when the window says so.");
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    /** The pit-window scenario up to the row after the rule coach says the window is open. */
    static byte[] windowOpen() throws Exception {
        TelemetrySimulator sim = Scenarios.find("pit-window").orElseThrow().simulator();
        Frame frame = new Frame(TelemetrySimulator.layout());
        ByteBuffer row = frame.row().order(ByteOrder.LITTLE_ENDIAN);
        Coach coach = SessionCoach.of(TelemetrySimulator.layout(), SessionInfoParser.parse(sim.sessionInfoYaml()),
                -1, TelemetrySimulator.TICK_RATE, 0);
        Path file = Files.createTempFile("pitbox-window", ".ibt");
        try {
            try (IbtWriter writer = IbtWriter.create(file, TelemetrySimulator.layout(), sim.sessionInfoYaml(),
                    TelemetrySimulator.TICK_RATE, Ibts.START)) {
                boolean open = false;
                while (!open && sim.next(row.clear())) {
                    Hint hint = coach.update(frame);
                    open = hint != null && hint.kind() == Hint.Kind.PIT_WINDOW;
                    writer.append(row, 0);
                }
                assertTrue(open, "the window opened");
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private SseEvents ask(String question) throws Exception {
        return SseEvents.parse(send("POST", "/api/v1/teams/" + team + "/ai/sessions/" + session + "/chat",
                owner.token(), Map.of("question", question)).is(200).body());
    }

    /** The cards came after the text and before done, are the ones done stores, and are verified. */
    private JsonNode cards(SseEvents events) {
        List<SseEvents.Event> all = events.events();
        int lastPiece = -1;
        int firstCard = -1;
        for (int i = 0; i < all.size(); i++) {
            lastPiece = all.get(i).name().equals("piece") ? i : lastPiece;
            firstCard = firstCard < 0 && all.get(i).name().equals("card") ? i : firstCard;
        }
        assertTrue(firstCard > lastPiece, events.toString());
        assertEquals("done", all.getLast().name());
        JsonNode done = events.done();
        JsonNode cards = done.get("cards");
        assertEquals(events.named("card").stream().map(SseEvents.Event::data).toList(),
                List.copyOf(iterable(cards)));
        return cards;
    }

    private static List<JsonNode> withoutIds(JsonNode cards) {
        return iterable(cards).stream().map(c -> (JsonNode) ((ObjectNode) c.deepCopy()).without("id")).toList();
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private void checkCards(JsonNode cards, JsonNode facts) {
        List<String> kinds = cards.findValuesAsText("kind");
        assertTrue(kinds.contains("pit-this-lap") && kinds.contains("driver-swap"), cards.toString());
        for (JsonNode c : cards) {
            String words = c.get("title").asText() + " " + c.get("reason").asText();
            words = words.replaceAll("Driver \\d+", " ");
            assertEquals(List.of(), FactCheck.check(words, FactChecker.sheet(facts.toString())).unmatched(),
                    c.toString());
            for (JsonNode id : c.get("factIds")) {
                assertTrue(facts.toString().contains("\"" + id.asText() + "\""), id + " in the facts");
            }
            if (c.get("kind").asText().equals("pit-this-lap")) {
                assertEquals(List.of("lf", "rf", "lr", "rr"), iterable(c.get("tyres")).stream().map(JsonNode::asText)
                        .toList());
                assertTrue(c.get("fuelLiters").asDouble() > 0, c.toString());
            }
        }
    }

    @Test
    void agentAndRuleBasedAnswersComeWithTheSameVerifiedCards() throws Exception {
        SseEvents agent = ask("Should we pit?");
        assertEquals("agent", agent.done().get("source").asText());
        JsonNode agentCards = cards(agent);

        fake.enqueue(Error.server(), Error.server());
        SseEvents rules = ask("Should we pit?");
        assertEquals("rule-based", rules.done().get("source").asText());
        JsonNode ruleCards = cards(rules);
        assertEquals(withoutIds(agentCards), withoutIds(ruleCards));
        for (int i = 0; i < agentCards.size(); i++) {
            assertNotEquals(agentCards.get(i).get("id"), ruleCards.get(i).get("id"), "each answer's cards apart");
        }

        JsonNode exported = null;
        Resp export = send("GET", "/api/v1/teams/" + team + "/ai/export", owner.token(), null).is(200);
        for (String line : export.body().lines().toList()) {
            JsonNode n = json.readTree(line);
            exported = n.at("/insight/id").asLong() == agent.done().get("id").asLong() ? n : exported;
        }
        assertTrue(exported != null, export.body());
        checkCards(agentCards, exported.get("facts"));

        String ai = "/api/v1/teams/" + team + "/ai/sessions/" + session;
        JsonNode insights = send("GET", ai + "/insights", owner.token(), null).is(200).as(JsonNode.class);
        assertEquals(agentCards, insights.get(insights.size() - 2).get("cards"), "the agent's answer, then the rules'");
        JsonNode conversation = send("GET", ai + "/conversation", owner.token(), null).is(200).as(JsonNode.class);
        assertEquals(agentCards, conversation.get(0).at("/answer/cards"));

        String card = agentCards.get(0).get("id").asText();
        String cards = "/api/v1/teams/" + team + "/ai/insights/" + agent.done().get("id").asLong() + "/cards/";
        send("PUT", cards + card, owner.token(), Map.of("state", "dismissed")).is(200);
        JsonNode decided = send("PUT", cards + card, owner.token(), Map.of("state", "accepted")).is(200)
                .as(JsonNode.class);
        assertEquals("accepted", decided.at("/cardStates/" + card).asText(), "the last decision counts");
        send("PUT", cards + card, owner.token(), Map.of("state", "maybe")).fails(400, "invalid_state");
        send("PUT", cards + "q0-fuel-1", owner.token(), Map.of("state", "accepted")).fails(404, "card_not_found");
        conversation = send("GET", ai + "/conversation", owner.token(), null).is(200).as(JsonNode.class);
        assertEquals("accepted", conversation.get(0).at("/answer/cardStates/" + card).asText(), "every member sees it");
        assertTrue(conversation.get(1).at("/answer/cardStates").isMissingNode(), "the other answer's cards are open");
    }
}
