package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * A node is killed while its driver streams (a process of its own, SIGKILL): the two other nodes notice the
 * recording in JetStream that nobody claims any more and exactly one of them stores it, with every frame JetStream
 * acknowledged and its video.
 */
class OrphanedRecordingTest {
    @TempDir
    Path dir;

    @Test
    void aRecordingLeftByAKilledNodeIsStoredOnceByAnotherNode() throws Exception {
        assumeTrue(TestNode.natsRunning(), TestNode.NEEDS_NATS);
        Path portFile = dir.resolve("port");
        Process crashing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashNode.class.getName(), dir.resolve("a").toString(),
                portFile.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("a.log").toFile()).start();
        WebSocketClient client = new WebSocketClient();
        try (TestNode b = new TestNode(sweeping(dir.resolve("b")), LiveMetrics.NONE);
                TestNode c = new TestNode(sweeping(dir.resolve("c")), LiveMetrics.NONE)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(portFile)) {
                assertTrue(crashing.isAlive() && System.nanoTime() < deadline,
                        "node A starts: " + Files.readString(dir.resolve("a.log")));
                Thread.sleep(50);
            }
            client.start();
            String key = "orphan-" + UUID.randomUUID().toString().substring(0, 8); // CI may share the NATS server
            TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
            p.connect(client, URI.create("ws://127.0.0.1:" + Files.readString(portFile).strip()
                    + LiveProtocol.publishPath(TestNode.TEAM, key)), "driver-token");
            List<TestPictures.Coded> pictures = TestPictures.make(30, 10);
            for (int i = 0; i < 600; i++) {
                p.publish(SimRows.ROWS.get(i));
                if (i < pictures.size()) {
                    p.socket.send(LiveVideoTest.video(i + 1, pictures.get(i)));
                }
            }
            while (p.acked < 600) {
                Thread.sleep(5);
            }

            crashing.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            List<TestNode.Stored> stored = new ArrayList<>();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JetStreamLedger.CLAIM_TTL.toSeconds() + 60);
            while (stored.isEmpty() && System.nanoTime() < deadline) {
                take(b, key, stored);
                take(c, key, stored);
                Thread.sleep(100);
            }
            assertEquals(1, stored.size(), "a node stores the orphaned recording");
            Thread.sleep(6000);
            take(b, key, stored);
            take(c, key, stored);
            assertEquals(1, stored.size(), "stored by one node only");
            TestNode.Stored one = stored.get(0);
            assertEquals(1, one.userId());
            assertEquals(SimRows.SCHEMA, one.schema());
            assertEquals(SimRows.YAML, one.yaml());
            SimRows.assertStored(one.file(), SimRows.ROWS.subList(0, 600)); // every acknowledged frame, in order
            LiveVideoTest.assertMp4(one.video(), pictures, LiveVideoTest.START_MICROS); // and its video
        } finally {
            crashing.destroyForcibly();
            client.stop();
        }
    }

    private static LiveConfig sweeping(Path data) {
        return LiveConfig.defaults(data).withNats(TestNode.NATS).withOrphanAfter(Duration.ofSeconds(2));
    }

    /** Moves what the node stored of session key to into; other tests' orphans on a shared NATS are left out. */
    private static void take(TestNode node, String key, List<TestNode.Stored> into) {
        for (TestNode.Stored s; (s = node.stored.poll()) != null;) {
            if (s.key().equals(key)) {
                into.add(s);
            }
        }
    }
}
