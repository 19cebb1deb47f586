package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
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
import org.pitbox.server.api.TestDatabase;

/**
 * Two complete server nodes sharing PostgreSQL and NATS, as behind a load balancer: real accounts and tokens,
 * a driver on node A, an engineer of the same team on node B.
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
    private final String key = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void start() throws Exception {
        assumeTrue("1".equals(System.getenv(TestDatabase.POSTGRES_ENV)), TestDatabase.SKIP);
        assumeTrue(TestNode.natsRunning(), TestNode.NEEDS_NATS);
        db = TestDatabase.postgres();
        a = node(db, dir.resolve("a"));
        b = node(db, dir.resolve("b"));
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

    private static PitboxServer node(TestDatabase db, Path dataDir) throws Exception {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("PITBOX_NATS_URL", TestNode.NATS);
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
