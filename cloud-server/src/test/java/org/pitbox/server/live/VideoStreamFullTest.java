package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * JetStream's video stream is nearly full: the relay refuses later pictures itself (NATS might drop the oldest to
 * take them) and counts them for the operator's alert; the pictures kept before and the session's telemetry are
 * stored whole. A NATS server of its own, so that no other test's stream is shrunk.
 */
class VideoStreamFullTest {
    private static final Path NATS_SERVER = Path.of("/usr/sbin/nats-server");
    /** The pictures sent before the video stream is made 95 % full with them, of the test's 40. */
    private static final int KEPT = 10;

    @TempDir
    Path dir;

    @Test
    void picturesPastTheFullStreamAreCountedAndWhatWasKeptIsStoredWhole() throws Exception {
        assumeTrue(Files.isExecutable(NATS_SERVER), "needs " + NATS_SERVER + " (Debian nats-server) to run a"
                + " JetStream of its own");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process nats = new ProcessBuilder(NATS_SERVER.toString(), "-a", "127.0.0.1", "-p", String.valueOf(port), "-js",
                "-sd", dir.resolve("jetstream").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nats.log").toFile()).start();
        AtomicLong refused = new AtomicLong();
        LiveMetrics metrics = new LiveMetrics() {
            @Override
            public void videoRefused() {
                refused.incrementAndGet();
            }
        };
        WebSocketClient client = new WebSocketClient();
        try {
            String url = "nats://127.0.0.1:" + port;
            awaitListening(port, nats);
            client.start();
            try (TestNode node = new TestNode(dir.resolve("node"), url, 256, metrics);
                    Connection connection = Nats.connect(url)) {
                JetStreamLedger ledger = (JetStreamLedger) node.relay.ledger();
                List<TestPictures.Coded> pictures = TestPictures.make(40, 10);
                TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
                p.connect(client, node.uri(LiveProtocol.publishPath(TestNode.TEAM, "full-video")), "driver-token");
                int n = SimRows.ROWS.size();
                send(p, pictures, 0, 2 * KEPT);
                JetStreamManagement jsm = connection.jetStreamManagement();
                await(() -> jsm.getStreamInfo(JetStreamLedger.VIDEO_STREAM).getStreamState().getMsgCount() == KEPT,
                        "the first pictures are in the stream");
                StreamInfo video = jsm.getStreamInfo(JetStreamLedger.VIDEO_STREAM);
                long full = (long) (video.getStreamState().getByteCount() / 0.95); // 95 % full
                jsm.updateStream(StreamConfiguration.builder(video.getConfiguration()).maxBytes(full).build());
                await(ledger::videoFull, "the relay finds the video stream full");

                send(p, pictures, 2 * KEPT, n);
                p.socket.send(LiveControl.of(LiveControl.END));
                assertEquals(n, p.socket.await(LiveControl.ENDED).seq(), "every frame acknowledged");
                TestNode.Stored stored = node.stored.poll(30, TimeUnit.SECONDS);
                LiveRelayTest.assertRecorded(stored);
                assertEquals(pictures.size() - KEPT, refused.get(), "every picture after is counted, none sent");
                LiveVideoTest.assertMp4(stored.video(), pictures.subList(0, KEPT), LiveVideoTest.START_MICROS);
            }
        } finally {
            client.stop();
            nats.destroy();
            nats.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Rows {@code from} to {@code to} (exclusive), each odd row followed by the next picture. */
    private static void send(TestPublisher p, List<TestPictures.Coded> pictures, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            p.publish(SimRows.ROWS.get(i));
            if (i % 2 == 1 && i / 2 < pictures.size()) {
                p.socket.send(LiveVideoTest.video(i / 2 + 1, pictures.get(i / 2)));
            }
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!check.holds()) {
            assertTrue(System.nanoTime() < deadline, what + " within 20 s");
            Thread.sleep(20);
        }
    }

    private static void awaitListening(int port, Process nats) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!TestNode.listening(port)) {
            assertTrue(nats.isAlive(), "nats-server stopped at once; see its log in the test's folder");
            assertTrue(System.nanoTime() < deadline, "nats-server listens on " + port + " within 10 s");
            Thread.sleep(50);
        }
    }
}
