package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.api.TestDatabase;

/**
 * Two complete server nodes sharing PostgreSQL and NATS, as behind a load balancer: real accounts and tokens,
 * a driver publishing on node A, an engineer of the same team watching on node B, and the session stored
 * when it ends, listed by node B.
 */
class TwoServersTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTeamSharesOneCarAcrossTwoNodes(@TempDir Path dir) throws Exception {
        assumeTrue("1".equals(System.getenv(TestDatabase.POSTGRES_ENV)), TestDatabase.SKIP);
        assumeTrue(TestNode.natsRunning(), TestNode.NEEDS_NATS);
        try (TestDatabase db = TestDatabase.postgres();
                PitboxServer a = node(db, dir.resolve("a"));
                PitboxServer b = node(db, dir.resolve("b"))) {
            String driver = account(a, "driver");
            String engineer = account(a, "engineer");
            long team = post(a, "/api/v1/teams", driver, Map.of("name", "Two Node Racing")).get("id").asLong();
            String code = post(a, "/api/v1/teams/" + team + "/invites", driver, Map.of("role", "engineer"))
                    .get("code").asText();
            post(b, "/api/v1/invites/" + code + "/accept", engineer, null);

            WebSocketClient client = new WebSocketClient();
            client.start();
            try {
                String key = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8);
                TestSocket watcher = TestSocket.connect(client, ws(b, LiveProtocol.subscribePath(team, key)), engineer);
                watcher.await(LiveControl.HELLO);
                TestPublisher car = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
                car.connect(client, ws(a, LiveProtocol.publishPath(team, key)), driver);
                watcher.await(LiveControl.SESSION);
                int n = 600;
                SimRows.ROWS.subList(0, n).forEach(car::publish);
                Map<Long, byte[]> got = SimRows.decode(SimRows.SCHEMA, Frames.take(watcher, n));
                assertEquals(n, got.size());
                for (long seq = 1; seq <= n; seq++) {
                    assertArrayEquals(SimRows.ROWS.get((int) seq - 1), got.get(seq), "frame " + seq);
                }
                car.socket.send(LiveControl.of(LiveControl.END));
                assertEquals(0, watcher.await(LiveControl.ENDED).dropped());
            } finally {
                client.stop();
            }
            JsonNode sessions = null;
            for (int i = 0; i < 100 && (sessions == null || sessions.get("total").asInt() == 0); i++) {
                Thread.sleep(100);
                sessions = get(b, "/api/v1/teams/" + team + "/sessions", engineer);
            }
            assertEquals(1, sessions.get("total").asInt(), "the live session was stored: " + sessions);
            assertTrue(sessions.get("items").get(0).get("track").asText().contains("Martinsville"), sessions.toString());
        }
    }

    private static PitboxServer node(TestDatabase db, Path dataDir) throws Exception {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("PITBOX_NATS_URL", TestNode.NATS);
        return PitboxServer.start(ServerConfig.from(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, env));
    }

    private String account(PitboxServer server, String who) throws Exception {
        String email = who + "-" + UUID.randomUUID() + "@team.example";
        post(server, "/api/v1/auth/register", null, Map.of("email", email, "password", "correct horse battery " + who,
                "displayName", who));
        return post(server, "/api/v1/auth/login", null, Map.of("email", email, "password", "correct horse battery " + who))
                .get("accessToken").asText();
    }

    private JsonNode post(PitboxServer server, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : ProtocolJson.mapper().writeValueAsString(body)));
        return send(request, token);
    }

    private JsonNode get(PitboxServer server, String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET(), token);
    }

    private JsonNode send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
        return ProtocolJson.mapper().readTree(response.body());
    }

    private static URI ws(PitboxServer server, String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }
}
