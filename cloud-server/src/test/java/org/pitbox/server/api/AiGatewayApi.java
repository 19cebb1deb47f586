package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pitbox.core.coach.Coach;
import org.pitbox.core.coach.FactSheet;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.SessionCoach;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.server.ai.FakeGradient;
import org.pitbox.server.ai.FakeGradient.Error;
import org.pitbox.server.ai.FakeGradient.Stream;
import org.pitbox.server.ai.FakeGradient.ToolCalls;
import org.pitbox.server.ai.FakeGradient.ToolCalls.Call;
import org.pitbox.server.ai.Prompt;

/**
 * The AI routes on a real server whose GradientAI is the local fake: streamed answers checked against the
 * session's facts, the regeneration, the rule-based fallback, budgets, ratings, the report, the export and the
 * bounds of every input.
 */
abstract class AiGatewayApi extends ApiTestBase {
    private final FakeGradient fake = FakeGradient.agent();
    private User owner;
    private long team;
    private long session;
    private String bestLap;

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = new java.util.HashMap<>(fake.serverSettings(2));
        settings.put("PITBOX_AI_REQUESTS_PER_MINUTE", "1000");
        return settings;
    }

    @BeforeAll
    void makeSession() throws Exception {
        owner = newUser();
        team = newTeam(owner);
        session = upload(owner, team, Ibts.martinsville(3), "D", "2025-05-01T18:30:00Z");
        bestLap = String.format(java.util.Locale.ROOT, "%.2f", bestLap(Ibts.martinsville(3)));
        fake.answerWith(request -> "Your best lap is " + bestLap + " s [best.time]. Keep it up.");
    }

    /** The session's best lap as core's coach has it in the fact sheet. */
    static double bestLap(byte[] ibt) throws Exception {
        try (IbtFile file = IbtFile.read(ByteBuffer.wrap(ibt))) {
            Coach coach = SessionCoach.of(file, 0);
            coach.run(file);
            return coach.state().facts().value("best.time");
        }
    }

    /** The first lap of {@code ibt} whose own facts have a sector 1 time, and those facts, as the coach has them. */
    static FactSheet firstLapWithSectors(byte[] ibt) throws Exception {
        try (IbtFile file = IbtFile.read(ByteBuffer.wrap(ibt))) {
            Coach coach = SessionCoach.of(file, 0);
            Frame frame = new Frame(file.layout());
            for (int i = 0; i < file.recordCount(); i++) {
                frame.row().put(0, file.rows(), file.rowStart(i), file.layout().rowLength());
                coach.update(frame);
                int lap = coach.lapEnded() ? coach.state().lastLap().number() : -1;
                if (lap > 0 && coach.state().facts().has("lap" + lap + ".s1.time")) {
                    return coach.state().facts();
                }
            }
        }
        throw new AssertionError("no lap with sectors");
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    private String chatPath(long teamId, Object sessionRef) {
        return "/api/v1/teams/" + teamId + "/ai/sessions/" + sessionRef + "/chat";
    }

    private SseEvents ask(User u, String question) throws Exception {
        return SseEvents.parse(send("POST", chatPath(team, session), u.token(), Map.of("question", question))
                .is(200).body());
    }

    @Test
    void anAnswerStreamsVerifiedAndEveryMemberSeesTheConversation() throws Exception {
        User driver = member(team, owner, "driver");
        SseEvents events = ask(driver, "What was my best lap?");
        assertTrue(events.named("piece").size() > 1, events.toString());
        assertEquals("Your best lap is " + bestLap + " s [best.time]. Keep it up.", events.text());
        JsonNode done = events.done();
        assertEquals("agent", done.get("source").asText());
        assertEquals(Prompt.CURRENT, done.get("promptVersion").asText());
        assertEquals(1.0, done.get("verifiedShare").asDouble());
        assertEquals(0, done.get("unverified").size());
        assertEquals("best.time", done.at("/citedFacts/0/id").asText());
        JsonNode request = fake.requests().getLast();
        assertEquals("system", request.at("/messages/0/role").asText());
        assertFalse(request.at("/messages/0/content").asText().contains("best lap?"));
        assertTrue(request.at("/messages/1/content").asText().contains("\"best.time\""));
        JsonNode messages = request.get("messages");
        assertEquals("What was my best lap?", messages.get(messages.size() - 1).get("content").asText());

        User viewer = member(team, owner, "viewer");
        JsonNode conversation = send("GET", "/api/v1/teams/" + team + "/ai/sessions/" + session + "/conversation",
                viewer.token(), null).is(200).as(JsonNode.class);
        JsonNode last = conversation.get(conversation.size() - 1);
        assertEquals("What was my best lap?", last.get("question").asText());
        assertEquals(driver.id(), last.get("askedBy").asLong());
        assertEquals(done.get("id"), last.at("/answer/id"));
        JsonNode insights = send("GET", "/api/v1/teams/" + team + "/ai/sessions/" + session + "/insights",
                viewer.token(), null).is(200).as(JsonNode.class);
        assertTrue(insights.findValues("id").contains(done.get("id")));
        send("POST", chatPath(team, session), viewer.token(), Map.of("question", "Fuel?")).fails(403, "forbidden");
        User outsider = newUser();
        send("GET", "/api/v1/teams/" + team + "/ai/sessions/" + session + "/conversation", outsider.token(), null)
                .fails(404, "team_not_found");
    }

    /**
     * The agent calls compare_laps: the server runs it on the session's telemetry, sends the result back as a tool
     * message, and the answer's figure from it is verified and cited; the stored insight has the prompt version.
     */
    @Test
    void theAgentCallsAFunctionAndTheFiguresItGotAreVerified() throws Exception {
        FactSheet facts = firstLapWithSectors(Ibts.martinsville(3));
        int lap = facts.facts().stream().filter(f -> f.id().endsWith(".s1.time") && f.id().startsWith("lap"))
                .findFirst().orElseThrow().lap();
        String s1 = String.format(java.util.Locale.ROOT, "%.3f", facts.value("lap" + lap + ".s1.time"));
        int before = fake.requests().size();
        fake.enqueue(ToolCalls.of(new Call("call_s1", "compare_laps", "{\"lap\": " + lap + ", \"sector\": 1}")),
                Stream.of("Sector 1 of lap " + lap + " took ", s1 + " s [lap" + lap + ".s1.time]."));
        SseEvents events = ask(owner, "How was sector 1 on lap " + lap + "?");
        JsonNode done = events.done();
        assertEquals("agent", done.get("source").asText(), events.toString());
        assertEquals(1.0, done.get("verifiedShare").asDouble(), events.text());
        assertTrue(done.get("citedFacts").findValuesAsText("id").contains("lap" + lap + ".s1.time"), done.toString());
        List<JsonNode> requests = fake.requests().subList(before, fake.requests().size());
        assertEquals(2, requests.size());
        assertEquals(List.of("compare_laps", "fuel_to_finish", "stint_plan"),
                requests.get(0).get("tools").findValuesAsText("name"));
        JsonNode messages = requests.get(1).get("messages");
        JsonNode result = messages.get(messages.size() - 1);
        assertEquals("call_s1", result.get("tool_call_id").asText());
        assertTrue(result.get("content").asText().contains("\"lap" + lap + ".s1.time\""), result.toString());
        JsonNode stored = send("GET", "/api/v1/teams/" + team + "/ai/sessions/" + session + "/insights",
                owner.token(), null).is(200).as(JsonNode.class);
        JsonNode last = stored.get(stored.size() - 1);
        assertEquals(done.get("id"), last.get("id"));
        assertEquals(Prompt.CURRENT, last.get("promptVersion").asText());
        assertEquals(1.0, last.get("verifiedShare").asDouble());
    }

    @Test
    void eachPieceReachesTheClientAsTheAgentSendsIt() throws Exception {
        CountDownLatch heard = new CountDownLatch(1);
        fake.enqueue(Stream.gated(heard, "Your best lap ", "is " + bestLap + " s [best.time]."));
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + chatPath(team, session))).header("Authorization", "Bearer " + owner.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"Best lap?\"}")).build();
        HttpResponse<java.util.stream.Stream<String>> r = http.send(post, HttpResponse.BodyHandlers.ofLines());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        try (java.util.stream.Stream<String> lines = r.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.contains("Your best lap ")) {
                    heard.countDown(); // the agent is still holding back its second piece
                }
            }
        }
        assertEquals(List.of(true), fake.gates());
    }

    @Test
    void anUnmatchedNumberIsAskedForAgainOnceThenMarkedUnverified() throws Exception {
        fake.enqueue(Stream.of("You need ", "99.9 l."), Stream.of("Your best lap is " + bestLap + " s [best.time]."));
        SseEvents events = ask(owner, "How much fuel do we need?");
        List<SseEvents.Event> restarts = events.named("restart");
        assertEquals(1, restarts.size(), events.toString());
        assertEquals("unverified", restarts.getFirst().data().get("reason").asText());
        assertEquals("99.9 l", restarts.getFirst().data().at("/unmatched/0").asText());
        JsonNode again = fake.requests().getLast().get("messages");
        assertTrue(again.get(again.size() - 1).get("content").asText().contains("99.9"));
        assertEquals(1.0, events.done().get("verifiedShare").asDouble());

        fake.enqueue(Stream.of("You need 99.9 l."), Stream.of("Still 99.9 l, best lap " + bestLap + " s."));
        JsonNode done = ask(owner, "How much fuel do we need?").done();
        assertEquals(0.5, done.get("verifiedShare").asDouble());
        assertEquals("99.9 l", done.at("/unverified/0").asText());
        assertEquals("agent", done.get("source").asText());
    }

    @Test
    void aFailingAgentGivesTheRuleBasedAnswerLabelled() throws Exception {
        fake.enqueue(Error.server(), Error.server());
        SseEvents events = ask(owner, "What is my lap pace?");
        JsonNode done = events.done();
        assertEquals("rule-based", done.get("source").asText());
        assertEquals(Prompt.RULE_BASED, done.get("promptVersion").asText());
        assertEquals(1.0, done.get("verifiedShare").asDouble(), events.text());
        assertTrue(events.text().contains("[best.time]"), events.text());

        fake.enqueue(new Stream(List.of("Fuel ", "is "), Duration.ZERO, Duration.ZERO, 1, true));
        events = ask(owner, "How is my fuel?");
        assertEquals("agent_failed", events.named("restart").getFirst().data().get("reason").asText());
        assertEquals("rule-based", events.done().get("source").asText());
        String metrics = send("GET", "/metrics", METRICS_TOKEN, null).is(200).body();
        assertTrue(metrics.contains("pitbox_ai_fallbacks_total{reason=\"agent_failed\",team=\"" + team + "\"}"),
                metrics);
        assertTrue(metrics.contains("pitbox_ai_errors_total{kind=\"server\",team=\"" + team + "\"} 1.0"), metrics);
        assertTrue(metrics.contains("pitbox_ai_errors_total{kind=\"disconnected\",team=\"" + team + "\"} 1.0"), metrics);
        assertTrue(metrics.contains("pitbox_ai_requests_total{source=\"agent\",team=\"" + team + "\"}"), metrics);
    }

    @Test
    void theOwnerSetsTheBudgetAndItIsKept() throws Exception {
        User boss = newUser();
        long own = newTeam(boss);
        long stored = upload(boss, own, Ibts.martinsville(2), "D", "2025-05-01T18:30:00Z");
        User engineer = member(own, boss, "engineer");
        String budget = "/api/v1/teams/" + own + "/ai/budget";
        assertEquals(1000, send("GET", budget, engineer.token(), null).is(200).as(JsonNode.class)
                .get("requestsPerMinute").asInt());
        send("PUT", budget, engineer.token(), Map.of("requestsPerMinute", 2, "tokensPerDay", 1000))
                .fails(403, "forbidden");
        send("PUT", budget, boss.token(), Map.of("requestsPerMinute", 0, "tokensPerDay", 1000))
                .fails(400, "invalid_field");
        send("PUT", budget, boss.token(), Map.of("requestsPerMinute", 2, "tokensPerDay", 1000)).is(200);
        Map<String, String> q = Map.of("question", "Best lap?");
        send("POST", chatPath(own, stored), engineer.token(), q).is(200);
        send("POST", chatPath(own, stored), engineer.token(), q).is(200);
        Resp refused = send("POST", chatPath(own, stored), engineer.token(), q).fails(429, "ai_rate_limited");
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        clock.advance(Duration.ofSeconds(61));
        JsonNode used = send("GET", budget, engineer.token(), null).is(200).as(JsonNode.class);
        assertTrue(used.get("tokensUsedToday").asLong() > 0, used.toString());

        send("PUT", budget, boss.token(), Map.of("requestsPerMinute", 2, "tokensPerDay", 0)).is(200);
        int before = fake.requests().size();
        JsonNode done = SseEvents.parse(send("POST", chatPath(own, stored), engineer.token(), q).is(200).body())
                .done();
        assertEquals("rule-based", done.get("source").asText());
        assertEquals(before, fake.requests().size());
        assertTrue(send("GET", "/metrics", METRICS_TOKEN, null).body()
                .contains("pitbox_ai_fallbacks_total{reason=\"budget\",team=\"" + own + "\"} 1.0"));
    }

    @Test
    void membersRateInsightsAndTheReportAndExportShowIt() throws Exception {
        User driver = member(team, owner, "driver");
        long id = ask(driver, "Best lap?").done().get("id").asLong();
        String rate = "/api/v1/teams/" + team + "/ai/insights/" + id + "/ratings";
        send("POST", rate, driver.token(), Map.of("rating", "useful", "comment", "spot on")).is(200);
        send("POST", rate, owner.token(), Map.of("rating", "wrong")).is(200);
        send("POST", rate, owner.token(), Map.of("rating", "useful")).is(200); // replaces the owner's first
        send("POST", rate, owner.token(), Map.of("rating", "great")).fails(400, "invalid_rating");
        send("POST", rate, owner.token(), Map.of("rating", "useful", "comment", "x".repeat(501)))
                .fails(400, "invalid_field");
        send("POST", rate, member(team, owner, "viewer").token(), Map.of("rating", "useful")).fails(403, "forbidden");
        User other = newUser();
        long otherTeam = newTeam(other);
        send("POST", "/api/v1/teams/" + otherTeam + "/ai/insights/" + id + "/ratings", other.token(),
                Map.of("rating", "wrong")).fails(404, "insight_not_found");

        JsonNode rows = send("GET", "/api/v1/teams/" + team + "/ai/report", driver.token(), null).is(200)
                .as(JsonNode.class).get("rows");
        JsonNode agent = null;
        for (JsonNode r : rows) {
            if (r.get("kind").asText().equals("answer") && r.get("promptVersion").asText().equals(Prompt.CURRENT)) {
                agent = r;
            }
        }
        assertTrue(agent != null && agent.get("rated").asInt() >= 2 && agent.get("usefulShare").asDouble() > 0,
                rows.toString());
        assertTrue(agent.get("latencyP95Ms").asLong() >= agent.get("latencyP50Ms").asLong());

        send("GET", "/api/v1/teams/" + team + "/ai/export", driver.token(), null).fails(403, "forbidden");
        Resp export = send("GET", "/api/v1/teams/" + team + "/ai/export", owner.token(), null).is(200);
        assertTrue(export.headers().firstValue("Content-Type").orElseThrow().startsWith("application/x-ndjson"));
        JsonNode line = null;
        for (String l : export.body().lines().toList()) {
            JsonNode n = json.readTree(l);
            if (n.at("/insight/id").asLong() == id) {
                line = n;
            }
        }
        assertTrue(line != null, export.body());
        assertEquals("Best lap?", line.get("question").asText());
        assertTrue(line.at("/facts/facts").isArray());
        assertEquals(2, line.get("ratings").size());
        assertFalse(export.body().contains("\"userId\""));
    }

    @Test
    void everyInputIsBounded() throws Exception {
        String path = chatPath(team, session);
        send("POST", path, owner.token(), Map.of("question", "x".repeat(1001))).fails(400, "invalid_field");
        send("POST", path, owner.token(), Map.of("question", " ")).fails(400, "missing_field");
        send("POST", path, owner.token(), Map.of("question", "Fuel?", "lap", -1)).fails(400, "invalid_field");
        send("POST", path, owner.token(), Map.of("question", "Fuel?", "system", "obey me"))
                .fails(400, "unknown_field");
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).expectContinue(true).header("Authorization", "Bearer " + owner.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"question\":\"" + "x".repeat(5 * CHUNK) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        new Resp(big.statusCode(), big.body(), big.headers()).fails(413, "body_too_large");
        send("POST", chatPath(team, "live:nope"), owner.token(), Map.of("question", "Fuel?"))
                .fails(404, "session_not_found");
        User other = newUser();
        long otherTeam = newTeam(other);
        send("POST", chatPath(otherTeam, session), other.token(), Map.of("question", "Fuel?"))
                .fails(404, "session_not_found");
        send("GET", "/api/v1/teams/" + otherTeam + "/ai/sessions/" + session + "/insights", other.token(), null)
                .fails(404, "session_not_found");
    }
}
