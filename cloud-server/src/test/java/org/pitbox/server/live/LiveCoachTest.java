package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.client.live.FeedStreamer;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.LiveSubscriber;
import org.pitbox.client.live.SubscriberListener;
import org.pitbox.core.coach.FactCheck;
import org.pitbox.core.sim.Scenario;
import org.pitbox.core.sim.Scenarios;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.server.DemoServer;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.ai.FactChecker;
import org.pitbox.server.ai.FakeGradient;

/**
 * A whole server coaches a live session: a driver streams the late-braking scenario; after laps the server's
 * watcher sends {@code coach} hints, checked against the lap's facts, to the driver (until they turn the coach off)
 * and to every engineer watching, stores each as an insight, and tells nobody outside the team. When the session
 * ends and is stored, its hints and chat go with the stored session. The demo's setup (its server, no agent, the
 * simulator at Martinsville) coaches within the first laps.
 */
class LiveCoachTest {
    private static final String KEY = "coached1";
    private static final String QUESTION = "How is my fuel?";

    /** A simulated session as a feed, its first {@code rows} rows at 4,000 rows a second (67 times real time). */
    private static final class ScenarioFeed implements LiveFeed {
        private static final long NANOS_PER_ROW = 250_000;
        private final TelemetrySimulator sim;
        private final int rows;
        private final long start = System.nanoTime();
        private int next;

        ScenarioFeed(Scenario scenario) {
            this(scenario.simulator(), Integer.MAX_VALUE);
        }

        ScenarioFeed(TelemetrySimulator sim, int rows) {
            this.sim = sim;
            this.rows = rows;
        }

        @Override
        public ChannelLayout layout() {
            return TelemetrySimulator.layout();
        }

        @Override
        public String sessionInfoYaml() {
            return sim.sessionInfoYaml();
        }

        @Override
        public synchronized boolean readLatest(Frame frame) {
            if (done() || next > (System.nanoTime() - start) / NANOS_PER_ROW || !sim.next(frame.row().clear())) {
                return false;
            }
            frame.setTick(next++);
            return true;
        }

        synchronized boolean done() {
            return next >= rows || !sim.hasNext();
        }

        @Override
        public FeedStatus status() {
            return FeedStatus.live("scenario");
        }

        @Override
        public void close() {
        }
    }

    /** Keeps the coach messages a listener is told. */
    private static final class Hints implements LiveListener, SubscriberListener {
        final List<LiveControl> got = new CopyOnWriteArrayList<>();

        @Override
        public void coach(LiveControl hint) {
            got.add(hint);
        }
    }

    @Test
    void theDriverAndTheEngineersGetVerifiedHintsAndOutsidersNone(@TempDir Path dir) throws Exception {
        coach(dir, Map.of(), "rule-based");
    }

    /** With an agent (the local fake, which says the rule coach's finding back) the hints are the agent's. */
    @Test
    void anAgentWordsTheHintsWhenOneIsConfigured(@TempDir Path dir) throws Exception {
        try (FakeGradient fake = FakeGradient.agent()) {
            fake.answerWith(request -> {
                JsonNode messages = request.get("messages");
                String ask = messages.get(messages.size() - 1).get("content").asText();
                return ask.substring(ask.indexOf("no fact ids: ") + "no fact ids: ".length());
            });
            coach(dir, fake.serverSettings(5), "AI");
            assertTrue(fake.requests().size() >= 3, "one agent call a hint");
        }
    }

    private void coach(Path dir, Map<String, String> env, String source) throws Exception {
        try (PitboxServer server = PitboxServer.start(ServerConfig.from(
                new String[] {"--port", "0", "--data-dir", dir.resolve("server").toString()}, env))) {
            ServerHttp http = new ServerHttp(server);
            ServerHttp.Account owner = http.account("owner");
            long team = http.team(owner, "Coached Racing");
            ServerHttp.Account driver = http.account("driver");
            http.accept(http.invite(team, owner, "driver"), driver);
            ServerHttp.Account engineer = http.account("engineer");
            http.accept(http.invite(team, owner, "engineer"), engineer);
            ServerHttp.Account outsider = http.account("outsider");
            long otherTeam = http.team(outsider, "Other Racing");
            URI base = URI.create("http://127.0.0.1:" + server.port());

            Hints watching = new Hints();
            Hints outside = new Hints();
            LiveSubscriber engineerSocket = LiveSubscriber.session(base, engineer::token, team, KEY,
                    LiveSubscriberTest.backoff(), watching);
            LiveSubscriber outsiderSocket = LiveSubscriber.session(base, outsider::token, otherTeam, KEY,
                    LiveSubscriberTest.backoff(), outside);
            Thread.sleep(500); // both subscribed before the session starts

            Hints driving = new Hints();
            ScenarioFeed feed = new ScenarioFeed(Scenarios.find("late-braking").orElseThrow());
            FeedStreamer[] streamer = new FeedStreamer[1];
            LiveListener driverListener = new LiveListener() {
                @Override
                public void coach(LiveControl hint) {
                    driving.coach(hint);
                    streamer[0].coach(false); // one is enough: the driver turns the coach off
                }
            };
            streamer[0] = new FeedStreamer(feed, Bandwidth.FULL, (schema, yaml, rate) -> new LivePublisher(base,
                    driver::token, team, KEY, schema, yaml, LivePublisher.Config.defaults(dir.resolve("spool"))
                            .withTickRate(rate), driverListener));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            boolean asked = false;
            while (!feed.done() && System.nanoTime() < deadline) {
                if (!asked && !driving.got.isEmpty()) {
                    HttpResponse<String> chat = chat(base, team, engineer.token(), "live:" + KEY, QUESTION);
                    assertEquals(200, chat.statusCode(), chat.body());
                    asked = true;
                }
                Thread.sleep(20);
            }
            assertTrue(asked, "a question during the session");
            assertTrue(feed.done(), "the scenario was streamed");
            assertTrue(streamer[0].end(Duration.ofSeconds(30)), "the server recorded everything");
            Thread.sleep(500);
            engineerSocket.close();
            outsiderSocket.close();

            assertEquals(1, driving.got.size(), "hints until the driver turned the coach off: " + driving.got);
            List<LiveControl> hints = watching.got;
            assertTrue(hints.size() > 1, "the engineer sees every hint: " + hints);
            assertEquals(driving.got.getFirst(), hints.getFirst());
            assertTrue(hints.stream().anyMatch(h -> h.coach().where().equals("T1") && (h.coach().lap() == 4
                    || h.coach().lap() == 6) && h.text().contains("later")), "late braking into T1 found: " + hints);
            assertEquals(List.of(), outside.got, "another team's subscriber hears nothing");

            long stored = http.awaitSessions(team, engineer).get("items").get(0).get("id").asLong();
            String ai = "/api/v1/teams/" + team + "/ai/sessions/";
            JsonNode insights = null;
            for (int i = 0; i < 100 && (insights == null || coachInsights(insights) < hints.size()); i++) {
                Thread.sleep(100);
                insights = http.get(ai + stored + "/insights", engineer.token());
            }
            assertEquals(hints.size(), coachInsights(insights), "the stored session has the hints: " + insights);
            assertEquals(0, http.get(ai + "live:" + KEY + "/insights", engineer.token()).size(), "moved");
            JsonNode conversation = http.get(ai + stored + "/conversation", engineer.token());
            assertEquals(List.of(QUESTION), conversation.findValuesAsText("question"), conversation.toString());
            for (LiveControl h : hints) {
                assertEquals(source, h.coach().source());
                assertTrue(h.text().split(" ").length <= 15, h.text());
                JsonNode insight = null;
                for (JsonNode i : insights) {
                    insight = i.get("id").asLong() == h.coach().insightId() ? i : insight;
                }
                assertTrue(insight != null, "insight " + h.coach().insightId() + " listed");
                assertEquals("coach", insight.get("kind").asText());
                assertEquals(String.valueOf(stored), insight.get("session").asText());
                assertEquals(source.equals("AI") ? "agent" : "rule-based", insight.get("source").asText());
                assertEquals(h.text(), insight.get("text").asText());
                assertEquals(1.0, insight.get("verifiedShare").asDouble(), h.text());
                FactCheck.Result check = FactCheck.check(h.text(),
                        FactChecker.sheet("{\"facts\":" + insight.get("citedFacts") + "}"));
                assertEquals(List.of(), check.unmatched(), h.text() + " against " + insight.get("citedFacts"));
            }
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/teams/" + team + "/ai/sessions/" + stored + "/insights"))
                    .header("Authorization", "Bearer " + outsider.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, refused.statusCode(), refused.body());
        }
    }

    private static int coachInsights(JsonNode insights) {
        int n = 0;
        for (JsonNode i : insights) {
            n += i.get("kind").asText().equals("coach") ? 1 : 0;
        }
        return n;
    }

    private static HttpResponse<String> chat(URI base, long team, String token, String session, String question)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/teams/" + team
                + "/ai/sessions/" + session + "/chat")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"question\":\"" + question + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code ./pitbox demo}: its server (no agent: DemoServer reads no environment) and team, the driver streaming
     * the workbench's simulator as the demo sets it up (Martinsville, two hours, auto pit); the rule-based coach
     * sends the driver hints within the first laps.
     */
    @Test
    void theDemoCoachesTheDriverWithinTheFirstLaps(@TempDir Path dir) throws Exception {
        try (PitboxServer server = PitboxServer.start(ServerConfig.from(
                new String[] {"--port", "0", "--data-dir", dir.resolve("server").toString()}, Map.of()))) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            long team = DemoServer.seed(base).id();
            ServerHttp http = new ServerHttp(server);
            String token = http.post("/api/v1/auth/login", null, Map.of("email", DemoServer.DRIVER, "password",
                    DemoServer.PASSWORD)).get("accessToken").asText();
            int laps = 5;
            TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withDuration(2 * 3600)
                    .withAutoPit(true).withSeed(1).withTrack(Tracks.MARTINSVILLE));
            ScenarioFeed feed = new ScenarioFeed(sim, (int) Math.ceil(laps * sim.idealLapTime() * 1.1
                    * TelemetrySimulator.TICK_RATE));
            Hints driving = new Hints();
            FeedStreamer streamer = new FeedStreamer(feed, Bandwidth.FULL, (schema, yaml, rate) -> new LivePublisher(
                    base, () -> token, team, "demo", schema, yaml, LivePublisher.Config.defaults(dir.resolve("spool"))
                            .withTickRate(rate), driving));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!feed.done() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(streamer.end(Duration.ofSeconds(30)), "the server recorded everything");
            Thread.sleep(500);
            assertTrue(!driving.got.isEmpty(), "hints in the first " + laps + " laps");
            for (LiveControl h : driving.got) {
                assertEquals("rule-based", h.coach().source(), h.toString());
                assertTrue(h.coach().lap() <= laps, h.toString());
            }
        }
    }
}
