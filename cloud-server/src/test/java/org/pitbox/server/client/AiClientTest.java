package org.pitbox.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.AiClient;
import org.pitbox.client.CloudClient;
import org.pitbox.client.CloudException;
import org.pitbox.client.TransferProgress;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.iracing.ibt.IbtWriter;
import org.pitbox.protocol.api.AiApi.ConversationEntry;
import org.pitbox.protocol.api.AiApi.InsightView;
import org.pitbox.protocol.api.AiApi.Report;
import org.pitbox.protocol.api.Roles;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;

/**
 * The desktop's AI client against a real server without an agent (the rule-based engineer answers, the default):
 * a streamed answer about a stored session, the conversation, rating, report and export, the budget's 429 as a
 * {@link CloudException} with the server's message, team isolation and cancelling.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AiClientTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String FUEL = "how much fuel do we need to finish?";
    private final AtomicInteger users = new AtomicInteger();
    private PitboxServer server;
    private URI uri;
    private CloudClient owner;
    private AiClient ai;
    private long team;
    private String session;
    private Path ibt;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--data-dir",
            dir.resolve("data").toString()}, Map.of("PITBOX_AUTH_RATE_PER_MINUTE", "100000"));
        server = PitboxServer.create(config, Clock.systemUTC()).start();
        uri = URI.create("http://127.0.0.1:" + server.port() + "/");
        owner = signedIn();
        ai = new AiClient(owner);
        team = owner.createTeam("Strategists").id();
        ibt = simulated(dir.resolve("sim.ibt"), 5);
        session = upload(owner, team);
    }

    private String upload(CloudClient c, long teamId) throws Exception {
        return Long.toString(c.upload(teamId, ibt, new CloudClient.Upload("Martinsville", "Sim", "Ada",
                Instant.parse("2026-01-01T10:00:00Z")), null, TransferProgress.NONE, () -> false).id());
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void streamsARuleBasedAnswerThatIsStoredRatedReportedAndExported(@TempDir Path dir) throws Exception {
        List<String> pieces = new CopyOnWriteArrayList<>();
        InsightView answer = ai.chat(team, session, FUEL, null, pieces::add).answer().get(60, TimeUnit.SECONDS);
        assertEquals("rule-based", answer.source());
        assertEquals(String.join("", pieces), answer.text(), "the pieces make the stored answer");
        assertTrue(answer.text().matches("(?s).*fuel.*\\d.*"), answer.text());
        assertEquals(1.0, answer.verifiedShare(), "every number of the rule-based answer is a fact");
        assertTrue(answer.citedFacts().size() > 0, "it cites the facts it used");

        List<ConversationEntry> talk = ai.conversation(team, session);
        assertEquals(FUEL, talk.get(talk.size() - 1).question());
        assertEquals(answer.id(), talk.get(talk.size() - 1).answer().id());
        assertTrue(ai.insights(team, session).stream().anyMatch(i -> i.id() == answer.id()));

        assertEquals("useful", ai.rate(team, answer.id(), "useful", "spot on").rating());
        CloudException bad = assertThrows(CloudException.class, () -> ai.rate(team, answer.id(), "great", null));
        assertEquals(400, bad.status());
        assertTrue(bad.getMessage().contains("rating must be one of"), bad.getMessage());

        Report report = ai.report(team);
        assertTrue(report.rows().stream().anyMatch(r -> r.kind().equals("answer") && r.rated() >= 1), "" + report);

        Path jsonl = dir.resolve("insights.jsonl");
        assertTrue(ai.export(team, jsonl) > 0);
        List<String> lines = Files.readAllLines(jsonl);
        assertFalse(lines.isEmpty());
        assertTrue(lines.stream().anyMatch(l -> l.contains("spot on")), "the ratings are in the export");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no part file left");
        }
    }

    @Test
    void overTheBudgetTheServersMessageComesAsACloudException() throws Exception {
        CloudClient c = signedIn();
        AiClient mine = new AiClient(c);
        long own = c.createTeam("Budgeted").id();
        String stored = upload(c, own);
        assertEquals(1, mine.setBudget(own, 1, 1000).requestsPerMinute());
        mine.chat(own, stored, FUEL, null, t -> { }).answer().get(60, TimeUnit.SECONDS);
        CloudException over = (CloudException) assertThrows(ExecutionException.class,
                () -> mine.chat(own, stored, FUEL, null, t -> { }).answer().get(60, TimeUnit.SECONDS)).getCause();
        assertEquals(429, over.status());
        assertFalse(over.getMessage().contains("HTTP 429"), "the server's own message: " + over.getMessage());
        assertEquals(404, assertThrows(ExecutionException.class, () -> mine.chat(own, "live:nobody", FUEL, null,
                t -> { }).answer().get(60, TimeUnit.SECONDS)).getCause() instanceof CloudException e ? e.status() : 0);
    }

    @Test
    void anotherTeamSeesNothingAndCannotRate() throws Exception {
        InsightView answer = ai.chat(team, session, "what was my best lap?", null, t -> { }).answer()
                .get(60, TimeUnit.SECONDS);
        CloudClient rival = signedIn();
        AiClient theirs = new AiClient(rival);
        long theirTeam = rival.createTeam("Rivals").id();
        for (var call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> theirs.conversation(team, session), () -> theirs.insights(team, session),
                () -> theirs.rate(team, answer.id(), "wrong", null), () -> theirs.rate(theirTeam, answer.id(),
                        "wrong", null), () -> theirs.report(team))) {
            int status = assertThrows(CloudException.class, call).status();
            assertTrue(status == 403 || status == 404, "refused: " + status);
        }
        ExecutionException chat = assertThrows(ExecutionException.class,
                () -> theirs.chat(team, session, FUEL, null, t -> { }).answer().get(60, TimeUnit.SECONDS));
        int status = ((CloudException) chat.getCause()).status();
        assertTrue(status == 403 || status == 404, "refused: " + status);

        CloudClient viewer = signedIn();
        viewer.acceptInvite(owner.invite(team, Roles.VIEWER).code());
        assertTrue(new AiClient(viewer).conversation(team, session).size() >= 1, "members see the conversation");
    }

    @Test
    void aCancelledChatEndsAsCancelled() throws Exception {
        AiClient.Chat chat = ai.chat(team, session, FUEL, null, t -> { });
        chat.cancel();
        assertThrows(CancellationException.class, () -> chat.answer().get(60, TimeUnit.SECONDS));
        assertTrue(chat.answer().isCancelled() || chat.answer().isCompletedExceptionally());
    }

    @Test
    void signedOutIsAClearError() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> new AiClient(new CloudClient(uri)).chat(team, session, FUEL, null, t -> { }).answer()
                        .get(60, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith("not signed in"), e.getCause().getMessage());
    }

    private CloudClient signedIn() throws Exception {
        CloudClient c = new CloudClient(uri);
        String email = "ai" + users.incrementAndGet() + "@example.com";
        c.register(email, PASSWORD, "Member " + users.get());
        c.login(email, PASSWORD);
        return c;
    }

    private static Path simulated(Path file, int laps) throws Exception {
        TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(laps));
        ByteBuffer row = ByteBuffer.allocate(TelemetrySimulator.layout().rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        try (IbtWriter writer = IbtWriter.create(file, TelemetrySimulator.layout(), sim.sessionInfoYaml(), 60,
                1_746_000_000L)) {
            while (sim.next(row.clear())) {
                writer.append(row, 0);
            }
        }
        return file;
    }
}
