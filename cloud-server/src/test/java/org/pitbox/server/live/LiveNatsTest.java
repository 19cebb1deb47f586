package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/** Two relay nodes linked by NATS with JetStream. */
class LiveNatsTest {
    @TempDir
    Path dir;
    private TestNode a;
    private TestNode b;
    private WebSocketClient client;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(TestNode.natsRunning(), TestNode.NEEDS_NATS);
        a = new TestNode(dir.resolve("a"), TestNode.NATS, 256, LiveMetrics.NONE);
        b = new TestNode(dir.resolve("b"), TestNode.NATS, 256, LiveMetrics.NONE);
        client = new WebSocketClient();
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.stop();
            a.close();
            b.close();
        }
    }

    @Test
    void anEngineerOnNodeBGetsEveryFrameInOrderFromADriverOnNodeA() throws Exception {
        String key = "nats-" + UUID.randomUUID().toString().substring(0, 8); // CI may share the NATS server
        TestSocket engineer = TestSocket.connect(client, b.uri(LiveProtocol.subscribePath(TestNode.TEAM, key)),
                "engineer-token");
        engineer.await(LiveControl.HELLO);
        TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        p.connect(client, a.uri(LiveProtocol.publishPath(TestNode.TEAM, key)), "driver-token");
        assertEquals("Dana Driver", engineer.await(LiveControl.SESSION).name());
        SimRows.ROWS.forEach(p::publish);
        int n = SimRows.ROWS.size();
        Map<Long, byte[]> got = SimRows.decode(SimRows.SCHEMA, Frames.take(engineer, n));
        long expected = 1;
        for (Map.Entry<Long, byte[]> e : got.entrySet()) {
            assertEquals(expected, e.getKey());
            assertArrayEquals(SimRows.ROWS.get((int) expected - 1), e.getValue());
            expected++;
        }
        assertEquals(n + 1, expected);

        engineer.send(LiveControl.radio("pit window open"));
        assertEquals("pit window open", p.socket.await(LiveControl.RADIO).text());

        LiveControl presence;
        do {
            presence = engineer.await(LiveControl.PRESENCE);
        } while (!presence.sessions().contains(new LiveControl.Session(key, 1, "Dana Driver")));

        p.socket.send(LiveControl.of(LiveControl.END));
        assertEquals(0, engineer.await(LiveControl.ENDED).dropped());
        assertEquals(key, a.stored.poll(30, java.util.concurrent.TimeUnit.SECONDS).key());
    }

    private static String newKey() {
        return "nats-" + UUID.randomUUID().toString().substring(0, 8); // CI may share the NATS server
    }

    @Test
    void aDriverWhoResumesOnNodeBContinuesTheSameRecordingWithoutLossOrDuplicates() throws Exception {
        String key = newKey();
        TestSocket engineer = TestSocket.connect(client, b.uri(LiveProtocol.subscribePath(TestNode.TEAM, key)),
                "engineer-token");
        engineer.await(LiveControl.HELLO);
        TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        assertEquals(0, p.connect(client, a.uri(LiveProtocol.publishPath(TestNode.TEAM, key)), "driver-token"));
        int n = SimRows.ROWS.size();
        for (int i = 0; i < 500; i++) {
            p.publish(SimRows.ROWS.get(i));
        }
        while (p.acked < 480) {
            Thread.sleep(5);
        }
        p.socket.drop();
        long recorded = p.connect(client, b.uri(LiveProtocol.publishPath(TestNode.TEAM, key)), "driver-token");
        assertTrue(recorded >= 480 && recorded <= 500, "JetStream kept " + recorded);
        p.resendFrom(p.acked + 1); // some of these are already in the stream, which drops them
        for (int i = 500; i < n; i++) {
            p.publish(SimRows.ROWS.get(i));
        }
        p.socket.send(LiveControl.of(LiveControl.END));
        assertEquals(n, p.socket.await(LiveControl.ENDED).seq());
        Map<Long, byte[]> got = SimRows.decode(SimRows.SCHEMA, Frames.take(engineer, n)); // fails on a repeat
        assertEquals(n, got.size());
        long expected = 1;
        for (long seq : got.keySet()) {
            assertEquals(expected++, seq, "frames in order");
        }
        LiveRelayTest.assertRecorded(b.stored.poll(30, TimeUnit.SECONDS));
        assertNull(a.stored.poll(2, TimeUnit.SECONDS), "node A handed the session over without storing it");
    }

    @Test
    void videoFromBeforeAndAfterAMoveToNodeBIsStoredInOneMp4() throws Exception {
        String key = newKey();
        TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        p.connect(client, a.uri(LiveProtocol.publishPath(TestNode.TEAM, key)), "driver-token");
        List<TestPictures.Coded> pictures = TestPictures.make(40, 10);
        for (int i = 0; i < 20; i++) {
            p.publish(SimRows.ROWS.get(2 * i));
            p.publish(SimRows.ROWS.get(2 * i + 1));
            p.socket.send(LiveVideoTest.video(i + 1, pictures.get(i)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (p.acked < LiveProtocol.ACK_EVERY) {
            assertTrue(System.nanoTime() < deadline, "node A acknowledges the first frames");
            Thread.sleep(5);
        }
        p.socket.drop();
        p.connect(client, b.uri(LiveProtocol.publishPath(TestNode.TEAM, key)), "driver-token");
        p.resendFrom(p.acked + 1); // pictures are not resent: node A kept them
        for (int i = 20; i < 40; i++) {
            p.publish(SimRows.ROWS.get(2 * i));
            p.publish(SimRows.ROWS.get(2 * i + 1));
            p.socket.send(LiveVideoTest.video(i + 1, pictures.get(i)));
        }
        p.socket.send(LiveControl.of(LiveControl.END));
        p.socket.await(LiveControl.ENDED);
        TestNode.Stored stored = b.stored.poll(30, TimeUnit.SECONDS);
        assertNotNull(stored.video(), "the video is stored with the session");
        LiveVideoTest.assertMp4(stored.video(), pictures, LiveVideoTest.START_MICROS); // node A's pictures too
        assertNull(a.stored.poll(2, TimeUnit.SECONDS), "node A handed the session over without storing it");
    }

    @Test
    void aSecondDriverOnAnotherNodeCannotPublishTheSameSession() throws Exception {
        String key = newKey();
        TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        p.connect(client, a.uri(LiveProtocol.publishPath(TestNode.TEAM, key)), "driver-token");
        for (int i = 0; i < 60; i++) {
            p.publish(SimRows.ROWS.get(i));
        }
        TestSocket other = TestSocket.connect(client, b.uri(LiveProtocol.publishPath(TestNode.TEAM, key)),
                "owner-token");
        other.send(LiveControl.open(SimRows.SCHEMA.toBytes(), SimRows.YAML));
        assertTrue(other.await(LiveControl.ERROR).text().contains("published by Dana Driver"));
        for (int i = 60; i < 120; i++) {
            p.publish(SimRows.ROWS.get(i));
        }
        p.socket.send(LiveControl.of(LiveControl.END));
        assertEquals(120, p.socket.await(LiveControl.ENDED).seq());
        TestNode.Stored stored = a.stored.poll(30, TimeUnit.SECONDS);
        try (var ibt = org.pitbox.iracing.ibt.IbtFile.open(stored.file())) {
            assertEquals(120, ibt.recordCount());
        }
    }
}
