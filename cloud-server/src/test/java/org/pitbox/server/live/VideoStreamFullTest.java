package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * JetStream's video stream is full: the pictures it refuses are counted for the operator's alert, and the session's
 * telemetry is stored whole. A NATS server of its own, so that no other test's stream is shrunk.
 */
class VideoStreamFullTest {
    private static final Path NATS_SERVER = Path.of("/usr/sbin/nats-server");
    /** The pictures the shrunk video stream has room for at least, of the test's 40. */
    private static final int ROOM = 10;

    @TempDir
    Path dir;

    @Test
    void picturesTheFullStreamRefusesAreCountedAndTheFramesAreStoredWhole() throws Exception {
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
                List<TestPictures.Coded> pictures = TestPictures.make(40, 10);
                long room = 0;
                for (int i = 0; i < ROOM; i++) {
                    room += LiveVideoTest.video(i + 1, pictures.get(i)).length + 256; // the subject and headers too
                }
                JetStreamManagement jsm = connection.jetStreamManagement();
                StreamConfiguration video = jsm.getStreamInfo(JetStreamLedger.VIDEO_STREAM).getConfiguration();
                jsm.updateStream(StreamConfiguration.builder(video).maxBytes(room).build());

                TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
                p.connect(client, node.uri(LiveProtocol.publishPath(TestNode.TEAM, "full-video")), "driver-token");
                int n = SimRows.ROWS.size();
                for (int i = 0; i < n; i++) {
                    p.publish(SimRows.ROWS.get(i));
                    if (i % 2 == 1 && i / 2 < pictures.size()) {
                        p.socket.send(LiveVideoTest.video(i / 2 + 1, pictures.get(i / 2)));
                    }
                }
                p.socket.send(LiveControl.of(LiveControl.END));
                assertEquals(n, p.socket.await(LiveControl.ENDED).seq(), "every frame acknowledged");
                LiveRelayTest.assertRecorded(node.stored.poll(30, TimeUnit.SECONDS));
                assertTrue(refused.get() > 0 && refused.get() < pictures.size() - ROOM,
                        "the pictures past the stream's room are counted: " + refused.get());
            }
        } finally {
            client.stop();
            nats.destroy();
            nats.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitListening(int port, Process nats) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException e) {
                assertTrue(nats.isAlive(), "nats-server stopped at once; see its log in the test's folder");
                assertTrue(System.nanoTime() < deadline, "nats-server listens on " + port + " within 10 s");
                Thread.sleep(50);
            }
        }
    }
}
