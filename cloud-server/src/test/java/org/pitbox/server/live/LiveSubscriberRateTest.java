package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.LiveSubscriber;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/** A driver publishing below 60 Hz: the rate reaches subscribers and the stored recording. */
class LiveSubscriberRateTest {
    private static final int ROWS = 300;

    @TempDir
    Path dir;

    /**
     * Publishes ROWS rows at 20 Hz to node (through proxy, cut at first, if there is one) for key, watched by a
     * subscriber on watch, which must see the rate and every row.
     */
    private void twentyHertz(TestNode node, TestNode watch, String key, CutProxy proxy) throws Exception {
        SubscriberEvents events = new SubscriberEvents();
        try (LiveSubscriber subscriber = LiveSubscriber.session(watch.uri(""), () -> "engineer-token",
                TestNode.TEAM, key, LiveSubscriberTest.backoff(), events)) {
            SubscriberEvents.poll(events.presence, "presence");
            LivePublisher.Config config = LivePublisher.Config.defaults(dir.resolve(key))
                    .withBackoff(LiveSubscriberTest.backoff()).withTickRate(20);
            try (LivePublisher p = new LivePublisher(proxy == null ? node.uri("") : proxy.uri(), () -> "driver-token",
                    TestNode.TEAM, key, SimRows.SCHEMA, SimRows.YAML, config, new LiveListener() {
                    })) {
                int from = 0;
                if (proxy != null) { // spooled while offline, in seconds at 20 Hz
                    from = 100;
                    LiveSubscriberTest.publish(p, 0, from, 100);
                    SubscriberEvents.await(() -> p.status().spooledSeconds() == 5.0, "5 s spooled");
                    proxy.restore();
                }
                LiveSubscriberTest.publish(p, from, ROWS, 500);
                assertTrue(p.end(Duration.ofSeconds(30)));
            }
            assertEquals(ROWS, SubscriberEvents.poll(events.ended, "ended")[0]);
            assertEquals(20, SubscriberEvents.poll(events.sessions, "session").rate());
            assertEquals(ROWS, events.rows.size());
            LiveSubscriberTest.assertRowsExact(events.rows);
        }
    }

    private static void assertStoredAtTwentyHertz(TestNode.Stored stored) throws Exception {
        try (IbtFile ibt = IbtFile.open(stored.file())) {
            assertEquals(20, ibt.tickRate());
            assertEquals(ROWS, ibt.recordCount());
            byte[] row = new byte[SimRows.SCHEMA.rowLength()];
            ibt.rows().get(ibt.rowStart(ROWS - 1), row);
            assertArrayEquals(SimRows.ROWS.get(ROWS - 1), row);
        }
    }

    @Test
    void aTwentyHertzSessionReachesTheSubscriberAndIsStoredAtTwentyHertz() throws Exception {
        try (TestNode node = new TestNode(dir.resolve("server"));
                CutProxy proxy = new CutProxy(node.uri("").getPort())) {
            proxy.cut();
            twentyHertz(node, node, "car20", proxy);
            assertStoredAtTwentyHertz(node.stored.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anOpenWithAnotherRateStartsANewSessionAndABadRateIsRefused() throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.start();
        try (TestNode node = new TestNode(dir.resolve("server"))) {
            URI publish = node.uri(LiveProtocol.publishPath(TestNode.TEAM, "car1"));
            TestSocket driver = TestSocket.connect(client, publish, "driver-token");
            driver.send(LiveControl.open(SimRows.SCHEMA.toBytes(), SimRows.YAML, 20));
            assertEquals(0, driver.await(LiveControl.OPENED).seq());
            FrameEncoder encoder = new FrameEncoder(SimRows.SCHEMA);
            for (int i = 0; i < 30; i++) {
                byte[] frame = encoder.encode(SimRows.ROWS.get(i));
                driver.send(LiveProtocol.frame(i + 1, frame, 0, frame.length));
            }
            driver.send(LiveControl.open(SimRows.SCHEMA.toBytes(), SimRows.YAML, 30));
            assertEquals(30, driver.await(LiveControl.ENDED).seq());
            assertEquals(0, driver.await(LiveControl.OPENED).seq(), "a new session");
            try (IbtFile ibt = IbtFile.open(node.stored.poll(30, TimeUnit.SECONDS).file())) {
                assertEquals(20, ibt.tickRate());
                assertEquals(30, ibt.recordCount());
            }

            TestSocket fast = TestSocket.connect(client, node.uri(LiveProtocol.publishPath(TestNode.TEAM, "car2")),
                    "driver-token");
            fast.send(LiveControl.open(SimRows.SCHEMA.toBytes(), SimRows.YAML, 120));
            assertTrue(fast.await(LiveControl.ERROR).text().contains("bad rate"));
        } finally {
            client.stop();
        }
    }

    @Test
    void aTwentyHertzSessionThroughJetStreamIsStoredAtTwentyHertz() throws Exception {
        assumeTrue(TestNode.natsRunning(), TestNode.NEEDS_NATS);
        String key = "rate-" + UUID.randomUUID().toString().substring(0, 8); // CI may share the NATS server
        try (TestNode a = new TestNode(dir.resolve("a"), TestNode.NATS, 256, LiveMetrics.NONE);
                TestNode b = new TestNode(dir.resolve("b"), TestNode.NATS, 256, LiveMetrics.NONE)) {
            twentyHertz(a, b, key, null);
            assertStoredAtTwentyHertz(a.stored.poll(30, TimeUnit.SECONDS));
        }
    }
}
