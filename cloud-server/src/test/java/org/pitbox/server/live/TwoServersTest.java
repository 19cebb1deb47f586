package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.api.RealIbts;
import org.pitbox.server.api.TestDatabase;
import org.pitbox.server.api.TestObjectStore;

/**
 * Two complete server nodes sharing PostgreSQL, NATS and an S3-compatible bucket (S3Proxy on loopback), as behind a
 * load balancer: real accounts and tokens, a driver on node A, an engineer of the same team on node B.
 */
class TwoServersTest {
    @TempDir
    Path dir;
    private TestDatabase db;
    private PitboxServer a;
    private PitboxServer b;
    private ServerHttp httpA;
    private ServerHttp httpB;
    private WebSocketClient client;
    private ServerHttp.Account driver;
    private ServerHttp.Account engineer;
    private long team;
    private static final int CHUNK = 256 * 1024;
    private final String key = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void start() throws Exception {
        assumeTrue("1".equals(System.getenv(TestDatabase.POSTGRES_ENV)), TestDatabase.SKIP);
        assumeTrue(TestNode.natsRunning(), TestNode.NEEDS_NATS);
        db = TestDatabase.postgres();
        Map<String, String> bucket = TestObjectStore.bucket();
        a = node(db, bucket, dir.resolve("a"));
        b = node(db, bucket, dir.resolve("b"));
        httpA = new ServerHttp(a);
        httpB = new ServerHttp(b);
        driver = httpA.account("driver");
        engineer = httpA.account("engineer");
        team = httpA.team(driver, "Two Node Racing");
        httpB.accept(httpA.invite(team, driver, "engineer"), engineer);
        client = new WebSocketClient();
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (db != null) {
            try (TestDatabase d = db; PitboxServer x = a; PitboxServer y = b) {
                client.stop();
            }
        }
    }

    private static PitboxServer node(TestDatabase db, Map<String, String> bucket, Path dataDir) throws Exception {
        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(bucket);
        env.put("PITBOX_NATS_URL", TestNode.NATS);
        env.put("PITBOX_UPLOAD_CHUNK_BYTES", Integer.toString(CHUNK));
        return PitboxServer.start(ServerConfig.from(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, env));
    }

    @Test
    void aTeamSharesOneCarAcrossTwoNodes() throws Exception {
        TestSocket watcher = TestSocket.connect(client, httpB.ws(LiveProtocol.subscribePath(team, key)),
                engineer.token());
        watcher.await(LiveControl.HELLO);
        TestPublisher car = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        car.connect(client, httpA.ws(LiveProtocol.publishPath(team, key)), driver.token());
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

        JsonNode sessions = httpB.awaitSessions(team, engineer);
        assertEquals(1, sessions.get("total").asInt(), "the live session was stored: " + sessions);
        assertTrue(sessions.get("items").get(0).get("track").asText().contains("Martinsville"), sessions.toString());
        long id = sessions.get("items").get(0).get("id").asLong();
        Path file = Files.write(dir.resolve("live.ibt"), httpB.bytes("/api/v1/sessions/" + id + "/ibt",
                engineer.token()));
        SimRows.assertStored(file, SimRows.ROWS.subList(0, n));
    }

    @Test
    void anUploadSpreadOverBothNodesDownloadsByteEqualFromEither() throws Exception {
        byte[] ibt = Files.readAllBytes(RealIbts.atLeast(CHUNK * 3L));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ibt));
        long id = httpA.post("/api/v1/teams/" + team + "/sessions", driver.token(), Map.of("track", "Langley",
                "car", "SK Modified", "driver", "Dana", "startedAt", "2025-05-28T14:50:46Z", "sizeBytes", ibt.length,
                "sha256", sha)).get("id").asLong();
        int chunks = (ibt.length + CHUNK - 1) / CHUNK;
        for (int n = 0; n < chunks; n++) {
            ServerHttp node = n % 2 == 0 ? httpA : httpB;
            node.put("/api/v1/sessions/" + id + "/chunks/" + n, driver.token(),
                    Arrays.copyOfRange(ibt, n * CHUNK, Math.min(ibt.length, (n + 1) * CHUNK)));
        }
        assertEquals(chunks, httpA.get("/api/v1/sessions/" + id + "/chunks", driver.token()).get("received").size(),
                "node A sees the chunks node B took");
        assertEquals("complete", httpB.post("/api/v1/sessions/" + id + "/complete", driver.token(),
                Map.of("sha256", sha)).get("status").asText());
        assertArrayEquals(ibt, httpA.bytes("/api/v1/sessions/" + id + "/ibt", engineer.token()));
        assertArrayEquals(ibt, httpB.bytes("/api/v1/sessions/" + id + "/ibt", engineer.token()));
        httpA.delete("/api/v1/sessions/" + id, driver.token());
        httpB.get("/api/v1/teams/" + team + "/sessions", engineer.token()).get("items").forEach(s ->
                assertTrue(s.get("id").asLong() != id, "deleted on A, gone on B"));
    }

    @Test
    void removingAMemberOnOneNodeClosesTheirSocketOnTheOther() throws Exception {
        TestSocket watcher = TestSocket.connect(client, httpB.ws(LiveProtocol.subscribePath(team, key)),
                engineer.token());
        watcher.await(LiveControl.HELLO);
        httpA.delete("/api/v1/teams/" + team + "/members/" + engineer.id(), driver.token());
        assertTrue(watcher.awaitClose().contains("no longer a member"));
    }
}
