package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.live.Backoff;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.LiveSession;
import org.pitbox.client.live.LiveSubscriber;
import org.pitbox.client.live.SubscriberStatus;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/** The engineer's client against a relay, with a LivePublisher driving; the subscriber may go through a CutProxy. */
class LiveSubscriberTest {
    private static final String KEY = "car1";

    @TempDir
    Path dir;
    private TestNode node;
    private CutProxy proxy;
    private LiveSubscriber subscriber;
    private LivePublisher publisher;
    private final SubscriberEvents events = new SubscriberEvents();

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir.resolve("server"));
        proxy = new CutProxy(node.uri("").getPort());
    }

    @AfterEach
    void stop() throws Exception {
        if (publisher != null) {
            publisher.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        proxy.close();
        node.close();
    }

    static Backoff backoff() {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random(1));
    }

    /** Subscribes through the proxy and waits until the relay has it (its presence lists the subscriber). */
    private LiveSubscriber subscribe(String token, SubscriberEvents to) throws InterruptedException {
        LiveSubscriber s = LiveSubscriber.session(proxy.uri(), () -> token, TestNode.TEAM, KEY, backoff(), to);
        SubscriberEvents.poll(to.presence, "presence");
        return s;
    }

    private LivePublisher publisher(LivePublisher.Config config, LiveListener listener) throws IOException {
        return new LivePublisher(node.uri(""), () -> "driver-token", TestNode.TEAM, KEY, SimRows.SCHEMA, SimRows.YAML,
                config, listener);
    }

    private LivePublisher.Config config() {
        return LivePublisher.Config.defaults(dir.resolve("spool")).withBackoff(backoff());
    }

    /** Publishes rows [from, to) spread over millis (faster than 60 Hz, to keep tests short). */
    static void publish(LivePublisher p, int from, int to, long millis) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = from; i < to; i++) {
            p.publish(SimRows.ROWS.get(i));
            long due = start + TimeUnit.MILLISECONDS.toNanos(millis * (i - from + 1) / (to - from));
            TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
        }
    }

    /** Every row received is the published row of its seq, in order. */
    static void assertRowsExact(List<SubscriberEvents.Row> rows) {
        long last = 0;
        for (SubscriberEvents.Row r : rows) {
            assertTrue(r.seq() > last, "rows in order: " + r.seq() + " after " + last);
            assertArrayEquals(SimRows.ROWS.get((int) r.seq() - 1), r.row(), "row " + r.seq());
            last = r.seq();
        }
    }

    @Test
    void everyRowOfA60HzSessionArrivesInOrderWithIdenticalBytes() throws Exception {
        subscriber = subscribe("engineer-token", events);
        publisher = publisher(config(), new LiveListener() {
        });
        int n = SimRows.ROWS.size();
        publish(publisher, 0, n, 1500);
        assertTrue(publisher.end(Duration.ofSeconds(30)));

        LiveSession session = SubscriberEvents.poll(events.sessions, "session");
        assertEquals(KEY, session.key());
        assertEquals(SimRows.SCHEMA, session.schema());
        assertEquals("Dana Driver", session.driverName());
        assertEquals(LiveProtocol.TICK_RATE, session.rate());
        assertArrayEquals(new long[] {n, 0}, SubscriberEvents.poll(events.ended, "ended"));
        assertEquals(n, events.rows.size());
        assertEquals(1, events.rows.getFirst().seq());
        assertRowsExact(events.rows);

        SubscriberEvents.await(() -> subscriber.status().latencyMillis() >= 0, "ping round trip");
        SubscriberStatus status = subscriber.status();
        assertEquals(SubscriberStatus.State.CONNECTED, status.state());
        assertEquals(n, status.frames());
        assertEquals(0, status.dropped());
        assertTrue(status.latencyMillis() < 2000, "latency " + status.latencyMillis() + " ms");
        TestNode.Stored stored = node.stored.poll(30, TimeUnit.SECONDS);
        LiveRelayTest.assertRecorded(stored);
        assertEquals(60, tickRate(stored));
    }

    private static int tickRate(TestNode.Stored stored) throws IOException {
        try (IbtFile ibt = IbtFile.open(stored.file())) {
            return ibt.tickRate();
        }
    }

    @Test
    void aCutSubscriberReconnectsAndCarriesOnFromAKeyframeWithTheGapCounted() throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.start();
        try {
            TestSocket witness = TestSocket.connect(client, node.uri(LiveProtocol.subscribePath(TestNode.TEAM, KEY)),
                    "viewer-token"); // sees every frame, to tell keyframes
            subscriber = subscribe("engineer-token", events);
            publisher = publisher(config().withKeyframeInterval(60), new LiveListener() {
            });
            int n = SimRows.ROWS.size();
            publish(publisher, 0, n / 3, 500);
            SubscriberEvents.await(() -> events.rows.size() >= n / 3, "the first third");
            proxy.cut();
            SubscriberEvents.await(() -> events.seen(SubscriberStatus.State.RECONNECTING), "reconnecting");
            publish(publisher, n / 3, 2 * n / 3, 500);
            proxy.restore();
            SubscriberEvents.await(() -> events.reconnected(), "reconnected");
            publish(publisher, 2 * n / 3, n, 500);
            assertTrue(publisher.end(Duration.ofSeconds(30)));

            long[] ended = SubscriberEvents.poll(events.ended, "ended");
            assertRowsExact(events.rows);
            long got = events.rows.size();
            assertEquals(n, ended[0]);
            assertTrue(ended[1] > 0, "a gap while cut");
            assertEquals(n, got + ended[1], "every frame received or counted");
            assertEquals(ended[1], subscriber.status().dropped());
            assertEquals(got, subscriber.status().frames());
            assertEquals(1, events.sessions.size(), "the same session after the reconnect");

            Set<Long> keyframes = new HashSet<>();
            for (byte[] m : Frames.take(witness, n)) {
                if (LiveProtocol.type(m) == LiveProtocol.FRAME && LiveProtocol.isKeyframe(m)) {
                    keyframes.add(LiveProtocol.number(m));
                }
            }
            long resumed = 0;
            for (int i = 1; i < events.rows.size(); i++) {
                if (events.rows.get(i).seq() != events.rows.get(i - 1).seq() + 1) {
                    assertEquals(0, resumed, "one gap");
                    resumed = events.rows.get(i).seq();
                }
            }
            assertTrue(keyframes.contains(resumed), "resumed at frame " + resumed + ", a keyframe");
        } finally {
            client.stop();
        }
    }

    @Test
    void radioGoesBothWaysAndViewersAreRefused() throws Exception {
        subscriber = subscribe("engineer-token", events);
        DriverRadio heard = new DriverRadio();
        publisher = publisher(config(), heard);
        publisher.publish(SimRows.ROWS.get(0));
        SubscriberEvents.poll(events.sessions, "session");

        assertTrue(subscriber.radio("box this lap"));
        assertEquals("Eli Engineer: box this lap", SubscriberEvents.poll(heard.radio, "radio at the driver"));
        assertEquals("Eli Engineer: box this lap", SubscriberEvents.poll(events.radio, "own radio echoed"));
        assertTrue(publisher.radio("copy"));
        assertEquals("Dana Driver: copy", SubscriberEvents.poll(events.radio, "radio from the driver"));

        SubscriberEvents viewerEvents = new SubscriberEvents();
        try (LiveSubscriber viewer = subscribe("viewer-token", viewerEvents)) {
            assertTrue(viewer.radio("hello?"));
            assertTrue(SubscriberEvents.poll(viewerEvents.errors, "error").contains("viewers"));
        }
        try (LiveSubscriber team = LiveSubscriber.team(proxy.uri(), () -> "engineer-token", TestNode.TEAM, backoff(),
                new SubscriberEvents())) {
            assertFalse(team.radio("not on the team channel"));
        }
    }

    /** The driver's listener, keeping radio messages. */
    private static final class DriverRadio implements LiveListener {
        final BlockingQueue<String> radio = new LinkedBlockingQueue<>();

        @Override
        public void radio(String fromName, String text) {
            radio.add(fromName + ": " + text);
        }
    }

    @Test
    void presenceShowsTheDriverOnTrack() throws Exception {
        subscriber = LiveSubscriber.team(URI.create("http://127.0.0.1:" + node.uri("").getPort()),
                () -> "viewer-token", TestNode.TEAM, backoff(), events);
        assertEquals(List.of(), SubscriberEvents.poll(events.presence, "presence"));
        publisher = publisher(config(), new LiveListener() {
        });
        publisher.publish(SimRows.ROWS.get(0));
        List<LiveControl.Session> sessions;
        do {
            sessions = SubscriberEvents.poll(events.presence, "presence with the session");
        } while (sessions.isEmpty());
        assertEquals(List.of(new LiveControl.Session(KEY, 1, "Dana Driver")), sessions);
        List<LiveControl.Member> members = events.members.getLast();
        assertTrue(members.contains(new LiveControl.Member(1, "Dana Driver", "driver", KEY, "publish")));
        assertTrue(members.contains(new LiveControl.Member(3, "Vic Viewer", "viewer", null, "team")));
        assertEquals(SubscriberStatus.State.CONNECTED, subscriber.status().state());
        subscriber.close();
        assertEquals(SubscriberStatus.State.OFFLINE, subscriber.status().state());
    }
}
