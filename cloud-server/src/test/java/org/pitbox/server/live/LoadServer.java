package org.pitbox.server.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * The relay in its own JVM, for {@link LiveLoad}: a {@link TestNode} on a free port (the production relay with
 * test tokens), beside the whole server (REST, H2, sessions on disk) that LiveLoad's uploads and downloads use.
 * Prints {@code port N} (the relay) and {@code rest N POOL} (POOL: the name of its Jetty threads); then answers each
 * {@code heap} line on stdin with {@code heap usedMB gcMillis peakMB} (peak: the most heap used at any 50 ms sample
 * so far); ends at end of input.
 */
public final class LoadServer {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("pitbox-load-server");
        ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--data-dir", dir.resolve("rest").toString()},
                Map.of("PITBOX_AUTH_RATE_PER_MINUTE", "100000"));
        try (TestNode node = new TestNode(dir); PitboxServer rest = PitboxServer.start(config)) {
            node.stored.clear();
            URI uri = node.uri(LiveProtocol.ROOT);
            System.out.println("port " + uri.getPort());
            System.out.println("rest " + rest.port() + " " + (rest.jetty().getThreadPool() instanceof QueuedThreadPool q
                    ? q.getName() : "-"));
            AtomicLong peak = new AtomicLong();
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            for (String line; (line = in.readLine()) != null;) {
                if (line.equals("heap")) {
                    long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    System.out.println("heap " + (used >> 20) + " " + gc + " " + (peak.get() >> 20));
                }
                for (TestNode.Stored s; (s = node.stored.poll()) != null;) {
                    Files.deleteIfExists(s.file());
                }
            }
        }
    }
}
