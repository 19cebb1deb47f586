package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/** Tests against one relay node ({@link #node}, set up by the test class) with a WebSocket client, on session KEY. */
abstract class RelayTest {
    static final String KEY = "car1";

    @TempDir
    Path dir;
    TestNode node;
    WebSocketClient client;

    @BeforeEach
    void startClient() throws Exception {
        client = new WebSocketClient();
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        if (node != null) {
            node.close();
        }
    }

    URI publish() {
        return node.uri(LiveProtocol.publishPath(TestNode.TEAM, KEY));
    }

    URI subscribe() {
        return node.uri(LiveProtocol.subscribePath(TestNode.TEAM, KEY));
    }

    /** Connected and greeted. */
    TestSocket socket(URI uri, String token) throws Exception {
        TestSocket s = TestSocket.connect(client, uri, token);
        s.await(LiveControl.HELLO);
        return s;
    }

    /** The other team's driver, publishing a session of the same KEY. */
    TestPublisher rivalDriver() throws Exception {
        TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        p.connect(client, node.uri(LiveProtocol.publishPath(TestNode.OTHER_TEAM, KEY)), "rival-token");
        return p;
    }

    /** The other team's engineer, watching its session of the same KEY. */
    TestSocket rival() throws Exception {
        return socket(node.uri(LiveProtocol.subscribePath(TestNode.OTHER_TEAM, KEY)), "rival-token");
    }

    /** Sends a radio marker on {@code s} and reads up to its echo; fails on a message of {@code type} before it. */
    static void noneBeforeMarker(TestSocket s, String type, String message) throws Exception {
        s.send(LiveControl.radio("marker"));
        for (LiveControl c = s.text.poll(10, TimeUnit.SECONDS); !LiveControl.RADIO.equals(c.type());
                c = s.text.poll(10, TimeUnit.SECONDS)) {
            assertNotEquals(type, c.type(), message);
        }
    }

    /** The driver, publishing a new session of KEY. */
    TestPublisher driver() throws Exception {
        TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        assertEquals(0, p.connect(client, publish(), "driver-token"));
        return p;
    }
}
