package org.pitbox.server.live;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * Load generator (a benchmark, not a test): N drivers publish simulator rows at 60 Hz to one relay on
 * loopback, each watched by M subscribers that decode every frame. The send time (System.nanoTime) rides
 * in an extra channel of the row, so latency is publisher encode to subscriber decode. Everything runs in
 * this JVM; "server CPU" sums the Jetty and relay threads, "process CPU" includes the clients.
 * <p>
 * Usage: {@code LiveLoad [drivers=100] [subscribersPerDriver=4] [seconds=20]}; the first 3 s are warm-up.
 */
public final class LiveLoad {
    private static final int WARMUP_SECONDS = 3;

    private static final class Watcher {
        final FrameDecoder decoder;
        final byte[] row;
        final long[] latencies;
        int count;
        long frames;
        volatile long dropped = -1;

        Watcher(FrameSchema schema, int capacity) {
            decoder = new FrameDecoder(schema);
            row = new byte[schema.rowLength()];
            latencies = new long[capacity];
        }

        synchronized void frame(byte[] m, long measureFrom) {
            if (LiveProtocol.type(m) != LiveProtocol.FRAME) {
                return;
            }
            frames++;
            try {
                if (decoder.decode(ByteBuffer.wrap(m, LiveProtocol.FRAME_HEADER, m.length - LiveProtocol.FRAME_HEADER), row)) {
                    long sent = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).getLong(row.length - 8);
                    long now = System.nanoTime();
                    if (sent >= measureFrom && count < latencies.length) {
                        latencies[count++] = now - sent;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int drivers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int perDriver = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = Math.min(30, args.length > 2 ? Integer.parseInt(args[2]) : 20);
        List<ChannelSpec> specs = new ArrayList<>(SimRows.SCHEMA.channels());
        specs.add(new ChannelSpec("SendNanos", ChannelSpec.DOUBLE, 1, SimRows.SCHEMA.rowLength()));
        FrameSchema schema = new FrameSchema(specs, SimRows.SCHEMA.rowLength() + 8);

        Path dir = Files.createTempDirectory("pitbox-load");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (TestNode node = new TestNode(dir, null, 256, LiveMetrics.NONE)) {
            WebSocketClient client = new WebSocketClient();
            client.start();
            List<Watcher> watchers = new ArrayList<>();
            List<TestSocket> sockets = new ArrayList<>();
            AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
            for (int d = 0; d < drivers; d++) {
                for (int s = 0; s < perDriver; s++) {
                    Watcher w = new Watcher(schema, seconds * 60 + 120);
                    TestSocket socket = TestSocket.connect(client,
                            node.uri(LiveProtocol.subscribePath(TestNode.TEAM + d, "car" + d)), "load-" + d);
                    socket.onBinary(m -> w.frame(m, measureFrom.get()));
                    watchers.add(w);
                    sockets.add(socket);
                }
            }
            List<TestPublisher> publishers = new ArrayList<>();
            for (int d = 0; d < drivers; d++) {
                TestPublisher p = new TestPublisher(schema, SimRows.YAML);
                p.connect(client, node.uri(LiveProtocol.publishPath(TestNode.TEAM + d, "car" + d)), "load-" + d);
                publishers.add(p);
            }
            Map<Long, Long> cpuBefore = cpu(threads);
            long processCpuBefore = processCpu();
            long start = System.nanoTime();
            measureFrom.set(start + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS));
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            byte[] row = new byte[schema.rowLength()];
            int[] tick = {0};
            ticker.scheduleAtFixedRate(() -> {
                for (int d = 0; d < drivers; d++) {
                    byte[] sim = SimRows.ROWS.get((tick[0] + d * 37) % SimRows.ROWS.size());
                    System.arraycopy(sim, 0, row, 0, sim.length);
                    ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).putLong(sim.length, System.nanoTime());
                    publishers.get(d).publish(row);
                }
                tick[0]++;
            }, 0, 1_000_000 / 60, TimeUnit.MICROSECONDS);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            ticker.shutdown();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long serverCpu = serverCpu(threads, cpuBefore);
            long processCpu = processCpu() - processCpuBefore;
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            for (TestPublisher p : publishers) {
                p.socket.send(LiveControl.of(LiveControl.END));
            }
            long published = 0;
            for (TestPublisher p : publishers) {
                published += p.seq();
            }
            long dropped = 0;
            long lost = 0;
            for (int i = 0; i < sockets.size(); i++) {
                long d = sockets.get(i).await(LiveControl.ENDED).dropped();
                dropped += d;
                lost += publishers.get(i / perDriver).seq() - watchers.get(i).frames - d;
            }
            long[] all = watchers.stream().flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).sorted().toArray();
            long delivered = watchers.stream().mapToLong(w -> w.frames).sum();
            System.out.printf("drivers=%d subscribers=%d seconds=%.1f published=%d (%.0f/s) delivered=%d (%.0f/s)%n",
                    drivers, drivers * perDriver, elapsed, published, published / elapsed, delivered, delivered / elapsed);
            System.out.printf("latency ms p50=%.2f p99=%.2f max=%.2f (n=%d) dropped=%d unaccounted=%d%n",
                    pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length, dropped, lost);
            System.out.printf("server CPU %.0f%% of one core, process CPU %.0f%% of one core, heap used %d MB%n",
                    100.0 * serverCpu / 1e9 / elapsed, 100.0 * processCpu / 1e9 / elapsed, heap >> 20);
            client.stop();
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<Long, Long> cpu(ThreadMXBean threads) {
        Map<Long, Long> m = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            m.put(id, threads.getThreadCpuTime(id));
        }
        return m;
    }

    /** CPU since before of the server's threads: Jetty's pool (qtp...) and the relay's own. */
    private static long serverCpu(ThreadMXBean threads, Map<Long, Long> before) {
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("qtp") || info.getThreadName().startsWith("live-"))) {
                long now = threads.getThreadCpuTime(info.getThreadId());
                sum += now - before.getOrDefault(info.getThreadId(), 0L);
            }
        }
        return sum;
    }
}
