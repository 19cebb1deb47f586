package org.pitbox.server.live;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.NetworkConnector;

/** A relay node on NATS in a process of its own, for a test to kill: args data dir and a file for its port. */
public final class CrashNode {
    private CrashNode() {
    }

    public static void main(String[] args) throws Exception {
        TestNode node = new TestNode(LiveConfig.defaults(Path.of(args[0])).withNats(TestNode.NATS), LiveMetrics.NONE);
        int port = ((NetworkConnector) node.jetty.getConnectors()[0]).getLocalPort();
        Path tmp = Path.of(args[1] + ".tmp");
        Files.writeString(tmp, Integer.toString(port));
        Files.move(tmp, Path.of(args[1]));
        Thread.sleep(Long.MAX_VALUE); // until killed
    }
}
