package org.pitbox.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.CloudClient.SessionQuery;
import org.pitbox.client.CloudClient;
import org.pitbox.client.CloudException;
import org.pitbox.client.TransferProgress;
import org.pitbox.protocol.api.MemberView;
import org.pitbox.protocol.api.Roles;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.api.TokenPair;
import org.pitbox.protocol.api.UserView;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.api.MutableClock;
import org.pitbox.server.api.RealIbts;

/** The desktop's REST client against a real server (H2 in a temp dir) and real .ibt files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudClientTest {
    private static final int CHUNK = 64 * 1024;
    private static final String PASSWORD = "correct horse battery";
    private static final String METRICS_TOKEN = "metrics-token-for-the-client-tests-0123456789";
    private static final Instant STARTED = Instant.parse("2015-05-28T14:45:28Z");
    private static final CloudClient.Upload ABOUT = new CloudClient.Upload("Langley", "Skip Barber", "Rob", STARTED);
    private static final BooleanSupplier NEVER = () -> false;
    private static final String PUT_CHUNK = "\"PUT\",route=\"/api/v1/sessions/{id}/chunks/{n}\",status=\"2xx\"";
    private static final String TEAMS_4XX = "\"GET\",route=\"/api/v1/teams\",status=\"4xx\"";

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger users = new AtomicInteger();
    private PitboxServer server;
    private Path dataDir;
    private URI uri;

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("pitbox-client");
        Map<String, String> env = Map.of("PITBOX_UPLOAD_CHUNK_BYTES", Integer.toString(CHUNK),
                "PITBOX_MAX_BODY_BYTES", Integer.toString(4 * CHUNK), "PITBOX_AUTH_RATE_PER_MINUTE", "100000",
                "PITBOX_METRICS_TOKEN", METRICS_TOKEN);
        server = PitboxServer.create(ServerConfig.from(new String[] {"--port", "0", "--data-dir", dataDir.toString()},
                env), clock).start();
        uri = URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void logsInAndListsTeamsAndMembers() throws Exception {
        CloudClient owner = new CloudClient(uri);
        List<TokenPair> pairs = new CopyOnWriteArrayList<>();
        owner.onTokens(pairs::add);
        String email = email();
        UserView me = owner.register(email, PASSWORD, "Ada");
        assertFalse(owner.signedIn());
        owner.login(email, PASSWORD);
        assertEquals(1, pairs.size());
        assertEquals(pairs.get(0).refreshToken(), owner.refreshToken());
        assertTrue(owner.teams().isEmpty());
        TeamView team = owner.createTeam("Apex");
        assertEquals(List.of(team), owner.teams());
        CloudClient driver = signedIn();
        assertEquals(Roles.DRIVER, driver.acceptInvite(owner.invite(team.id(), Roles.DRIVER).code()).role());
        List<MemberView> members = owner.members(team.id());
        assertEquals(2, members.size());
        assertTrue(members.stream().anyMatch(m -> m.userId() == me.id() && m.role().equals(Roles.OWNER)), "" + members);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedTransparently() throws Exception {
        CloudClient c = new CloudClient(uri); // its clock does not know the server's moved: the server answers 401
        List<TokenPair> pairs = new CopyOnWriteArrayList<>();
        c.onTokens(pairs::add);
        login(c);
        long team = c.createTeam("Refreshers").id();
        String token = c.accessToken();
        double rejected = requests(TEAMS_4XX);
        clock.advance(Duration.ofMinutes(16));
        assertEquals(team, c.teams().get(0).id());
        assertEquals(rejected + 1, requests(TEAMS_4XX), "the first try should have been refused");
        assertEquals(2, pairs.size());
        assertNotEquals(pairs.get(0).refreshToken(), c.refreshToken());
        assertEquals(pairs.get(1).refreshToken(), c.refreshToken());
        assertNotEquals(token, c.accessToken());
    }

    @Test
    void accessTokenIsRenewedShortlyBeforeItExpires() throws Exception {
        CloudClient c = new CloudClient(uri, clock);
        login(c);
        String first = c.accessToken();
        clock.advance(Duration.ofMinutes(14));
        assertEquals(first, c.accessToken());
        clock.advance(Duration.ofSeconds(50));
        String second = c.accessToken();
        assertNotEquals(first, second);
        double rejected = requests(TEAMS_4XX);
        assertTrue(c.teams().isEmpty());
        assertEquals(rejected, requests(TEAMS_4XX));
    }

    @Test
    void resumesFromAStoredRefreshTokenAndLogsOut() throws Exception {
        CloudClient first = signedIn();
        TeamView team = first.createTeam("Stored");
        CloudClient again = new CloudClient(uri);
        List<TokenPair> pairs = new CopyOnWriteArrayList<>();
        again.onTokens(pairs::add);
        again.resume(first.refreshToken());
        assertEquals(List.of(team), again.teams());
        assertEquals(1, pairs.size());
        assertNotEquals(first.refreshToken(), again.refreshToken());
        String spent = again.refreshToken();
        again.logout();
        assertFalse(again.signedIn());
        CloudException e = assertThrows(CloudException.class, () -> new CloudClient(uri).resume(spent));
        assertEquals(401, e.status());
        assertEquals("invalid_refresh_token", e.code());
    }

    @Test
    void uploadsARealIbtWithProgress() throws Exception {
        Path file = RealIbts.atLeast(8L * CHUNK);
        long size = Files.size(file);
        CloudClient c = signedIn();
        long team = c.createTeam("Uploaders").id();
        Progress progress = new Progress();
        SessionView v = c.upload(team, file, ABOUT, null, progress, NEVER);
        assertEquals(SessionView.COMPLETE, v.status());
        assertEquals(size, v.sizeBytes());
        assertEquals(v.id(), progress.session);
        long sent = progress.last();
        assertTrue(sent < size / 2, "the codec's packed form goes up: " + sent + " of " + size + " bytes");
        assertEquals(chunks(sent) + 1, progress.done.size(), "one report before the chunks and one after each");
        assertEquals(0, progress.done.get(0));
        assertTrue(progress.totals.stream().allMatch(t -> t == sent));
        assertTrue(v.recordCount() > 0);
        assertEquals(v.lapCount(), c.session(v.id()).laps().size());
        assertEquals(-1, Files.mismatch(file, stored(c, v.id())));
        assertEquals(List.of(v.id()), c.sessions(team, SessionQuery.FIRST).items().stream().map(SessionView::id)
                .toList());
        assertEquals(1, c.sessions(team, new SessionQuery(null, null, "rob", STARTED, STARTED.plusSeconds(1), 0, 5))
                .total());
        assertEquals(0, c.sessions(team, new SessionQuery(null, null, "Nobody", null, null, 0, 5)).total());
    }

    @Test
    void aCancelledUploadResumesSendingOnlyTheMissingChunks() throws Exception {
        Path file = RealIbts.atLeast(40L * CHUNK);
        CloudClient c = signedIn();
        long team = c.createTeam("Resumers").id();
        Progress first = new Progress();
        assertThrows(CancellationException.class,
                () -> c.upload(team, file, ABOUT, null, first, () -> first.last() * 2 >= first.totals.get(0)));
        long id = first.session;
        long sent = first.totals.get(0);
        int count = chunks(sent);
        int half = c.chunks(id).received().size();
        assertTrue(half > 0 && half < count, half + " of " + count + " chunks");
        assertEquals(SessionView.UPLOADING, c.session(id).status());

        double puts = requests(PUT_CHUNK);
        Progress second = new Progress();
        SessionView v = c.upload(team, file, ABOUT, id, second, NEVER);
        assertEquals(id, v.id());
        assertEquals(count - half, requests(PUT_CHUNK) - puts, "only the missing chunks are sent");
        assertEquals((long) half * CHUNK, second.done.get(0));
        assertEquals(sent, second.last());
        assertEquals(-1, Files.mismatch(file, stored(c, id)));

        Progress third = new Progress();
        assertEquals(v, c.upload(team, file, ABOUT, id, third, NEVER));
        assertEquals(List.of(sent), third.done);
        assertEquals(count - half, requests(PUT_CHUNK) - puts);
    }

    @Test
    void downloadsByteIdenticalAndCancelsCleanly(@TempDir Path dir) throws Exception {
        Path file = RealIbts.atLeast(8L * CHUNK);
        long size = Files.size(file);
        CloudClient c = signedIn();
        long team = c.createTeam("Downloaders").id();
        long id = c.upload(team, file, ABOUT, null, TransferProgress.NONE, NEVER).id();
        Path target = dir.resolve("copy.ibt");
        Files.writeString(target, "an older file");
        Progress progress = new Progress();
        assertEquals(id, c.download(id, target, progress, NEVER).id());
        assertEquals(-1, Files.mismatch(file, target));
        assertEquals(size, progress.last());

        Path other = dir.resolve("cancelled.ibt");
        assertThrows(CancellationException.class, () -> c.download(id, other, TransferProgress.NONE, () -> true));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no partial file stays behind");
        }
    }

    @Test
    void wrongPasswordGivesTheServersMessage() throws Exception {
        CloudClient c = new CloudClient(uri);
        String email = email();
        c.register(email, PASSWORD, "Bo");
        CloudException e = assertThrows(CloudException.class, () -> c.login(email, "not the password"));
        assertEquals(401, e.status());
        assertEquals("invalid_credentials", e.code());
        assertEquals("wrong email or password", e.getMessage());
        assertFalse(c.signedIn());
        assertEquals("not signed in to " + c.baseUri(), assertThrows(CloudException.class, c::teams).getMessage());
        CloudException weak = assertThrows(CloudException.class, () -> c.register(email(), "short", "Bo"));
        assertEquals(400, weak.status());
        assertEquals("weak_password", weak.code());
    }

    @Test
    void anUnreachableServerSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CloudClient c = new CloudClient(URI.create("http://127.0.0.1:" + port));
        CloudException e = assertThrows(CloudException.class, () -> c.login("a@example.com", PASSWORD));
        assertEquals("cannot reach the server at http://127.0.0.1:" + port, e.getMessage());
        assertEquals(0, e.status());
        assertThrows(IllegalArgumentException.class, () -> new CloudClient(URI.create("localhost:8080")));
    }

    private String email() {
        return "client" + users.incrementAndGet() + "." + System.nanoTime() + "@example.com";
    }

    private void login(CloudClient c) throws IOException {
        String email = email();
        c.register(email, PASSWORD, "Driver " + users.get());
        c.login(email, PASSWORD);
    }

    private CloudClient signedIn() throws IOException {
        CloudClient c = new CloudClient(uri);
        login(c);
        return c;
    }

    /** The session's .ibt as the server gives it back. */
    private Path stored(CloudClient c, long id) throws IOException {
        Path copy = Files.createTempFile(dataDir, "download", ".ibt");
        c.download(id, copy, TransferProgress.NONE, NEVER);
        return copy;
    }

    private static int chunks(long size) {
        return (int) ((size + CHUNK - 1) / CHUNK);
    }

    /** The server's count of requests for {@code method",route=...,status=...} from /metrics. */
    private double requests(String labels) throws Exception {
        String prefix = "pitbox_http_requests_total{method=" + labels + "} ";
        try (HttpClient http = HttpClient.newHttpClient()) {
            String text = http.send(HttpRequest.newBuilder(uri.resolve("/metrics"))
                    .header("Authorization", "Bearer " + METRICS_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                    l.substring(prefix.length()))).sum();
        }
    }

    /** Records what a transfer reports. */
    private static final class Progress implements TransferProgress {
        final List<Long> done = new CopyOnWriteArrayList<>();
        final List<Long> totals = new CopyOnWriteArrayList<>();
        volatile Long session;

        @Override
        public void progress(long bytes, long total) {
            done.add(bytes);
            totals.add(total);
        }

        @Override
        public void session(long sessionId) {
            session = sessionId;
        }

        long last() {
            return done.get(done.size() - 1);
        }
    }
}
