package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.ApiError;
import org.pitbox.protocol.api.CompleteUploadRequest;
import org.pitbox.protocol.api.CreateSessionRequest;
import org.pitbox.protocol.api.CreateTeamRequest;
import org.pitbox.protocol.api.InviteView;
import org.pitbox.protocol.api.LoginRequest;
import org.pitbox.protocol.api.RegisterRequest;
import org.pitbox.protocol.api.SessionCreated;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.api.TokenPair;
import org.pitbox.protocol.api.UserView;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;

/** Starts one real server per test class, on H2 or (subclasses saying so) PostgreSQL, and talks HTTP to it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase {
    static final int CHUNK = 64 * 1024;
    static final String PASSWORD = "correct horse battery";
    static final String METRICS_TOKEN = "metrics-token-for-the-api-tests-0123456789";
    private static final AtomicInteger USERS = new AtomicInteger();

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = ProtocolJson.mapper();
    final MutableClock clock = new MutableClock();
    PitboxServer server;
    ServerConfig config;
    Path dataDir;
    private TestDatabase db;

    /** True to run on PostgreSQL. */
    boolean postgres() {
        return false;
    }

    /** More settings, e.g. a low rate limit. */
    Map<String, String> settings() throws Exception {
        return Map.of();
    }

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("pitbox-api");
        db = postgres() ? TestDatabase.postgres() : TestDatabase.h2();
        Map<String, String> env = new HashMap<>(db.env());
        env.put("PITBOX_UPLOAD_CHUNK_BYTES", Integer.toString(CHUNK));
        env.put("PITBOX_MAX_BODY_BYTES", Integer.toString(4 * CHUNK));
        env.put("PITBOX_AUTH_RATE_PER_MINUTE", "100000");
        env.put("PITBOX_METRICS_TOKEN", METRICS_TOKEN);
        env.putAll(settings());
        config = ServerConfig.from(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, env);
        server = PitboxServer.create(config, clock).start();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs SQL on the server's database beside the server, as an operator would. */
    void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** An answer: status, body text and headers. */
    record Resp(int status, String body, HttpHeaders headers) {
        <T> T as(Class<T> type) throws IOException {
            return ProtocolJson.mapper().readValue(body, type);
        }

        <T> T as(TypeReference<T> type) throws IOException {
            return ProtocolJson.mapper().readValue(body, type);
        }

        ApiError error() throws IOException {
            return as(ApiError.class);
        }

        /** Asserts the status and that the body is a JSON error with this code. */
        Resp fails(int expectedStatus, String code) throws IOException {
            assertEquals(expectedStatus, status, body);
            assertEquals(code, error().code(), body);
            return this;
        }

        Resp is(int expectedStatus) {
            assertEquals(expectedStatus, status, body);
            return this;
        }
    }

    /** A registered, logged-in user. */
    record User(long id, String email, String token, String refreshToken) {
    }

    /** {@code body}: null for none, a String as raw JSON, byte[] as octet-stream, anything else as JSON. */
    Resp send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body instanceof byte[] bytes) {
            // as the desktop client sends chunks: a refused one is answered before its body is sent
            b.header("Content-Type", "application/octet-stream").expectContinue(true);
            publisher = HttpRequest.BodyPublishers.ofByteArray(bytes);
        } else if (body != null) {
            b.header("Content-Type", "application/json");
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            publisher = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        }
        HttpResponse<byte[]> r = http.send(b.method(method, publisher).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Resp(r.statusCode(), new String(r.body(), StandardCharsets.ISO_8859_1), r.headers());
    }

    HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The user signed in again, e.g. after the clock moved past their token's lifetime. */
    User again(User u) throws Exception {
        TokenPair t = send("POST", "/api/v1/auth/login", null, new LoginRequest(u.email(), PASSWORD)).is(200)
                .as(TokenPair.class);
        return new User(u.id(), u.email(), t.accessToken(), t.refreshToken());
    }

    User newUser() throws Exception {
        String email = "user" + USERS.incrementAndGet() + "." + System.nanoTime() + "@example.com";
        UserView u = send("POST", "/api/v1/auth/register", null, new RegisterRequest(email, PASSWORD, "Driver "
                + USERS.get())).is(201).as(UserView.class);
        TokenPair t = send("POST", "/api/v1/auth/login", null, new LoginRequest(email, PASSWORD)).is(200)
                .as(TokenPair.class);
        return new User(u.id(), email, t.accessToken(), t.refreshToken());
    }

    long newTeam(User owner) throws Exception {
        return send("POST", "/api/v1/teams", owner.token(), new CreateTeamRequest("Team " + System.nanoTime()))
                .is(201).as(TeamView.class).id();
    }

    /** A new user who joined the team with the role through an invite. */
    User member(long teamId, User owner, String role) throws Exception {
        User u = newUser();
        String code = send("POST", "/api/v1/teams/" + teamId + "/invites", owner.token(), Map.of("role", role))
                .is(201).as(InviteView.class).code();
        send("POST", "/api/v1/invites/" + code + "/accept", u.token(), null).is(200);
        return u;
    }

    /** Starts an upload of {@code file}. */
    long create(User u, long team, byte[] file, String driver, String startedAt) throws Exception {
        SessionCreated c = send("POST", "/api/v1/teams/" + team + "/sessions", u.token(),
                new CreateSessionRequest("Martinsville", "Car", driver, startedAt, (long) file.length, null))
                .is(201).as(SessionCreated.class);
        assertEquals(CHUNK, c.uploadChunkSize());
        return c.id();
    }

    Resp put(User u, long id, int n, byte[] file) throws Exception {
        int from = n * CHUNK;
        return send("PUT", "/api/v1/sessions/" + id + "/chunks/" + n, u.token(),
                Arrays.copyOfRange(file, from, Math.min(file.length, from + CHUNK)));
    }

    int chunks(byte[] file) {
        return (file.length + CHUNK - 1) / CHUNK;
    }

    /** Starts an upload and sends every chunk, without completing it. */
    long sendChunks(User u, long team, byte[] file, String driver, String startedAt) throws Exception {
        long id = create(u, team, file, driver, startedAt);
        for (int n = 0; n < chunks(file); n++) {
            put(u, id, n, file).is(201);
        }
        return id;
    }

    Resp complete(User u, long id, byte[] file) throws Exception {
        return send("POST", "/api/v1/sessions/" + id + "/complete", u.token(), new CompleteUploadRequest(sha256(file)));
    }

    long upload(User u, long team, byte[] file, String driver, String startedAt) throws Exception {
        long id = sendChunks(u, team, file, driver, startedAt);
        complete(u, id, file).is(200);
        return id;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
