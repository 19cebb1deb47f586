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
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.ai.FactChecker;
import org.pitbox.server.ai.FakeGradient;

/**
 * A whole server coaches a live session: a driver streams the late-braking scenario; after laps the server's
 * watcher sends {@code coach} hints, checked against the lap's facts, to the driver (until they turn the coach off)
 * and to every engineer watching, stores each as an insight, and tells nobody outside the team.
 */
class LiveCoachTest {
    private static final String KEY = "coached1";

    /** A scenario's session as a feed, 4,000 rows a second (67 times real time). */
    private static final class ScenarioFeed implements LiveFeed {
        private static final long NANOS_PER_ROW = 250_000;
        private final SimulatedRecording recording;
        private final long start = System.nanoTime();
        private int next;

        ScenarioFeed(Scenario scenario) {
            recording = scenario.record();
        }

        @Override
        public ChannelLayout layout() {
            return recording.layout();
        }

        @Override
        public String sessionInfoYaml() {
            return recording.sessionInfoYaml();
        }

        @Override
        public synchronized boolean readLatest(Frame frame) {
            if (next >= recording.recordCount() || next > (System.nanoTime() - start) / NANOS_PER_ROW) {
                return false;
            }
            int length = recording.layout().rowLength();
            frame.row().put(0, recording.rows(), recording.rowStart(next), length);
            frame.setTick(next++);
            return true;
        }

        synchronized boolean done() {
            return next >= recording.recordCount();
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
            while (!feed.done() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
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

            JsonNode insights = http.get("/api/v1/teams/" + team + "/ai/sessions/live:" + KEY + "/insights",
                    engineer.token());
            assertEquals(hints.size(), insights.size(), insights.toString());
            for (LiveControl h : hints) {
                assertEquals(source, h.coach().source());
                assertTrue(h.text().split(" ").length <= 15, h.text());
                JsonNode stored = null;
                for (JsonNode i : insights) {
                    stored = i.get("id").asLong() == h.coach().insightId() ? i : stored;
                }
                assertTrue(stored != null, "insight " + h.coach().insightId() + " listed");
                assertEquals("coach", stored.get("kind").asText());
                assertEquals(source.equals("AI") ? "agent" : "rule-based", stored.get("source").asText());
                assertEquals(h.text(), stored.get("text").asText());
                assertEquals(1.0, stored.get("verifiedShare").asDouble(), h.text());
                FactCheck.Result check = FactCheck.check(h.text(),
                        FactChecker.sheet("{\"facts\":" + stored.get("citedFacts") + "}"));
                assertEquals(List.of(), check.unmatched(), h.text() + " against " + stored.get("citedFacts"));
            }
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/teams/" + team + "/ai/sessions/live:" + KEY + "/insights"))
                    .header("Authorization", "Bearer " + outsider.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, refused.statusCode(), refused.body());
        }
    }
}
