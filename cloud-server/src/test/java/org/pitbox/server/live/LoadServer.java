package org.pitbox.server.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * The relay alone in its own JVM, for {@link LiveLoad}: a {@link TestNode} on a free port (the production
 * relay with test tokens). Prints {@code port N}; then answers each {@code heap} line on stdin with
 * {@code heap usedMB gcMillis}; ends at end of input.
 */
public final class LoadServer {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("pitbox-load-server");
        try (TestNode node = new TestNode(dir)) {
            node.stored.clear();
            URI uri = node.uri(LiveProtocol.ROOT);
            System.out.println("port " + uri.getPort());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            for (String line; (line = in.readLine()) != null;) {
                if (line.equals("heap")) {
                    long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    System.out.println("heap " + (used >> 20) + " " + gc);
                }
                for (TestNode.Stored s; (s = node.stored.poll()) != null;) {
                    Files.deleteIfExists(s.file());
                }
            }
        }
    }
}
