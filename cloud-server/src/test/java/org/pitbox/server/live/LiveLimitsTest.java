package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.Test;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/** What one client can make the relay hold is bounded; each test names its bound. */
class LiveLimitsTest extends RelayTest {
    private final AtomicInteger slowConsumers = new AtomicInteger();
    private final LiveMetrics metrics = new LiveMetrics() {
        @Override
        public void slowConsumer() {
            slowConsumers.incrementAndGet();
        }
    };

    private void node(LiveLimits limits, Duration grace) throws Exception {
        node = new TestNode(LiveConfig.defaults(dir).withLimits(limits).withResumeGrace(grace), metrics);
    }

    @Test
    void aFrameOverTheCapClosesThePublisherAndIsNotRecorded() throws Exception {
        node(LiveLimits.DEFAULTS, Duration.ofSeconds(30));
        TestPublisher p = driver();
        byte[] huge = new byte[LiveLimits.DEFAULTS.frameBytes() + 1];
        huge[0] = LiveProtocol.FRAME;
        huge[1] = 1;
        p.socket.send(huge);
        assertTrue(p.socket.awaitClose().startsWith(Integer.toString(StatusCode.MESSAGE_TOO_LARGE)));
        TestPublisher again = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        assertEquals(0, again.connect(client, publish(), "driver-token"), "nothing of it was recorded");
        again.publish(SimRows.ROWS.get(0));
        again.socket.send(LiveControl.of(LiveControl.END));
        assertEquals(1, again.socket.await(LiveControl.ENDED).seq(), "a frame under the cap goes through");
    }

    @Test
    void theCatchUpBufferStaysWithinItsBytesAndLateJoinersStillDecode() throws Exception {
        long cap = 256 << 10;
        node(LiveLimits.DEFAULTS.withCatchUpBytes(cap), Duration.ofSeconds(30));
        FrameSchema schema = SimRows.noisy(4096); // 16 kB frames: 17 of them pass the cap
        Random random = new Random(3);
        TestPublisher p = new TestPublisher(schema, SimRows.YAML);
        p.connect(client, publish(), "driver-token");
        TestSocket watcher = socket(subscribe(), "engineer-token");
        int n = 200;
        long most = 0;
        for (int i = 0; i < n; i++) {
            p.publish(SimRows.noisyRow(schema, SimRows.ROWS.get(i), random));
            most = Math.max(most, node.relay.catchUpBytes());
        }
        while (p.acked < n - Origin.ACK_EVERY) {
            Thread.sleep(5);
            most = Math.max(most, node.relay.catchUpBytes());
        }
        assertTrue(most > 0 && most <= cap, "kept " + most + " bytes for late joiners, cap " + cap);
        assertEquals(n, SimRows.decode(schema, Frames.take(watcher, n)).size(), "the subscriber got every frame");

        TestSocket late = socket(subscribe(), "viewer-token");
        late.await(LiveControl.SESSION);
        for (int i = n; i < n + 60; i++) { // spread out, so the late joiner's keyframe requests get through
            p.publish(SimRows.noisyRow(schema, SimRows.ROWS.get(i), random));
            Thread.sleep(5);
        }
        List<byte[]> caughtUp = Frames.take(late, 1);
        assertTrue(LiveProtocol.isKeyframe(caughtUp.get(caughtUp.size() - 1)), "a late joiner starts at a keyframe");
        SimRows.decode(schema, caughtUp);
    }

    @Test
    void aSessionWhosePublisherStopsAnsweringEndsAfterTheGraceAndFreesItsFrames() throws Exception {
        node(LiveLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(1)), Duration.ofSeconds(1));
        TestSocket watcher = socket(subscribe(), "engineer-token");
        TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        try (CutProxy proxy = new CutProxy(publish().getPort())) {
            p.connect(client, URI.create(proxy.uri() + publish().getPath()), "driver-token");
            int n = 120;
            SimRows.ROWS.subList(0, n).forEach(p::publish);
            Frames.take(watcher, n);
            assertTrue(node.relay.catchUpBytes() > 0);
            proxy.freeze(); // the driver's machine hangs: no close, no pong
            assertEquals(n, watcher.await(LiveControl.ENDED).seq(), "the session ended");
            TestNode.Stored stored = node.stored.poll(30, TimeUnit.SECONDS);
            assertNotNull(stored, "and was stored");
            SimRows.assertStored(stored.file(), SimRows.ROWS.subList(0, n));
        }
        assertEquals(0, node.relay.liveSessions());
        assertEquals(0, node.relay.catchUpBytes(), "no frames kept for the ended session");
    }

    @Test
    void controlMessagesAndRadioAreCappedAndErrorsNeverRepeatTheInput() throws Exception {
        node(LiveLimits.DEFAULTS, Duration.ofSeconds(30));
        TestPublisher driver = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        String junk = "x".repeat(4000);
        engineer.sendText("{\"type\":\"" + junk + "\"}");
        String error = engineer.await(LiveControl.ERROR).text();
        assertFalse(error.contains("xxx"), error);
        engineer.send(LiveControl.radio("y".repeat(LiveLimits.DEFAULTS.radioChars() + 1)));
        assertTrue(engineer.await(LiveControl.ERROR).text().contains("longer than"));
        engineer.send(LiveControl.radio("box"));
        assertEquals("box", driver.socket.await(LiveControl.RADIO).text(), "the socket carries on");

        TestSocket viewer = socket(node.uri(LiveProtocol.teamPath(TestNode.TEAM)), "viewer-token");
        viewer.sendText("{\"type\":\"" + "z".repeat(LiveLimits.DEFAULTS.controlBytes()) + "\"}");
        assertTrue(viewer.awaitClose().startsWith(Integer.toString(StatusCode.MESSAGE_TOO_LARGE)));
    }

    @Test
    void malformedControlMessagesGetAnErrorAndTheSocketStaysUsable() throws Exception {
        node(LiveLimits.DEFAULTS, Duration.ofSeconds(30));
        TestPublisher driver = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        for (String bad : List.of("null", "[]", "42", "\"open\"", "{}", "{\"type\":null}", "{\"rate\":\"fast\"}",
                "not json", "{\"type\":\"radio\",\"text\":{\"a\":1}}", "{\"type\":\"token\"}")) {
            engineer.sendText(bad);
            assertNotNull(engineer.await(LiveControl.ERROR).text(), bad);
        }
        engineer.send(LiveControl.radio("still here"));
        assertEquals("still here", driver.socket.await(LiveControl.RADIO).text());
    }

    @Test
    void aSocketThatDoesNotReadIsDisconnectedOnceItsOutboxIsFull() throws Exception {
        long outbox = 256 << 10;
        node(new LiveLimits(16 << 10, 16 << 10, 8 << 10, 2000, 64 << 10, outbox, Duration.ofSeconds(30),
                1L << 30), Duration.ofSeconds(30));
        TestPublisher driver = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        TestSocket.connect(client, subscribe(), "viewer-token", false); // never reads
        String text = "r".repeat(2000);
        int sent = 0;
        while (slowConsumers.get() == 0) {
            assertTrue(sent < 20_000, "the silent viewer was not cut off after " + sent + " radio messages");
            engineer.send(LiveControl.radio(text));
            sent++;
        }
        assertEquals(1, slowConsumers.get());
        engineer.send(LiveControl.radio("over"));
        LiveControl heard;
        do {
            heard = engineer.await(LiveControl.RADIO);
        } while (!heard.text().equals("over"));
    }

    @Test
    void sessionsOfOneKeyOpenedInQuickSuccessionAreEachStoredWhole() throws Exception {
        node(LiveLimits.DEFAULTS, Duration.ofSeconds(30));
        int sessions = 20;
        int rows = 10;
        for (int i = 0; i < sessions; i++) {
            TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
            p.connect(client, publish(), "driver-token");
            SimRows.ROWS.subList(i, i + rows).forEach(p::publish);
            p.socket.send(LiveControl.of(LiveControl.END));
            assertEquals(rows, p.socket.await(LiveControl.ENDED).seq());
            p.socket.close();
        }
        Set<Integer> firsts = new TreeSet<>(); // in any order: a driver may hear ended before its store is queued
        for (int i = 0; i < sessions; i++) {
            TestNode.Stored stored = node.stored.poll(30, TimeUnit.SECONDS);
            assertNotNull(stored, "session " + i + " stored");
            int first = firstRow(stored.file());
            assertTrue(first >= 0, "a recording of the sessions' rows");
            SimRows.assertStored(stored.file(), SimRows.ROWS.subList(first, first + rows));
            firsts.add(first);
        }
        assertEquals(IntStream.range(0, sessions).boxed().toList(), List.copyOf(firsts));
    }

    /** Which of SimRows' rows the recording starts with; -1 when none. */
    private static int firstRow(Path ibt) throws Exception {
        try (IbtFile file = IbtFile.open(ibt)) {
            byte[] row = new byte[file.layout().rowLength()];
            file.rows().get(file.rowStart(0), row);
            for (int i = 0; i < SimRows.ROWS.size(); i++) {
                if (Arrays.equals(SimRows.ROWS.get(i), row)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
