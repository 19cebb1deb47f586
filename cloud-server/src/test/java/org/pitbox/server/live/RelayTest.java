package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
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

    /** The driver, publishing a new session of KEY. */
    TestPublisher driver() throws Exception {
        TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
        assertEquals(0, p.connect(client, publish(), "driver-token"));
        return p;
    }
}
