package org.pitbox.server.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * Load generator (a benchmark, not a test). Starts {@link LoadServer} in its own JVM, then N drivers
 * publish simulator rows at 60 Hz (spread evenly over each 1/60 s), each watched by M subscribers.
 * Subscribers check the sequence numbers and take the latency from the send time the publisher noted for
 * each seq (both in this JVM: publisher encode to subscriber receive); they do not decode, except the
 * first subscriber of every 25th driver, which decodes every frame and compares it bit for bit with the
 * row sent. Server CPU comes from /proc/pid/stat, heap and GC time from the server.
 * <p>
 * Meanwhile {@link StorageTraffic} uploads real .ibt files (from {@code shared/data/iracing/ibt} above the working
 * folder, if there) and downloads them through the server's REST side, checking each by SHA-256, in a JVM of its own
 * at the idle scheduling policy ({@code chrt --idle 0}; they stand for other machines). The server's peak heap, its
 * CPU per delivered frame (storage included) and its CPU by thread are printed, and the scheduling policy and nice
 * value of its threads by name; the drivers and subscribers run at normal priority.
 * <p>
 * Usage: {@code LiveLoad [drivers=100] [subscribersPerDriver=4] [seconds=20] [uploaders=10] [downloaders=10]}
 * (seconds at most 30); the first 3 s are warm-up. {@code -DserverJvm="..."} adds options to the server's JVM (a
 * profiler, another GC); {@code -DtransfersAt=normal} runs the transfer clients' JVM at normal priority.
 */
public final class LiveLoad {
    private static final int WARMUP_SECONDS = 3;

    /** One subscriber's view: frames in order, gaps, latencies; optionally a decoder checking every row. */
    private static final class Watcher {
        final int driver;
        final AtomicLongArray sentAt;
        final FrameDecoder decoder;
        final long[] latencies;
        int count;
        long frames;
        long lastSeq;
        long outOfOrder;
        long wrongRows;
        TestSocket socket;

        Watcher(int driver, AtomicLongArray sentAt, boolean decode) {
            this.driver = driver;
            this.sentAt = sentAt;
            this.decoder = decode ? new FrameDecoder(SimRows.SCHEMA) : null;
            this.latencies = new long[sentAt.length()];
        }

        synchronized void frame(byte[] m, long measureFrom) {
            if (LiveProtocol.type(m) != LiveProtocol.FRAME) {
                return;
            }
            long now = System.nanoTime();
            long seq = LiveProtocol.number(m);
            if (seq <= lastSeq) {
                outOfOrder++;
            }
            lastSeq = seq;
            frames++;
            long sent = seq < sentAt.length() ? sentAt.get((int) seq) : 0;
            if (sent >= measureFrom && count < latencies.length) {
                latencies[count++] = now - sent;
            }
            if (decoder != null) {
                byte[] row = new byte[SimRows.SCHEMA.rowLength()];
                try {
                    if (decoder.decode(seq, LiveProtocol.frameData(m), row) && !Arrays.equals(row, row(driver, seq))) {
                        wrongRows++;
                    }
                } catch (Exception e) {
                    wrongRows++;
                }
            }
        }
    }

    /** The row driver d sends as frame seq. */
    private static byte[] row(int d, long seq) {
        return SimRows.ROWS.get((int) ((seq - 1 + d * 37L) % SimRows.ROWS.size()));
    }

    public static void main(String[] args) throws Exception {
        int drivers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int perDriver = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = Math.min(30, args.length > 2 ? Integer.parseInt(args[2]) : 20);
        int capacity = (seconds + 5) * LiveProtocol.TICK_RATE;
        int uploaders = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int downloaders = args.length > 4 ? Integer.parseInt(args[4]) : 10;

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(Arrays.asList(System.getProperty("serverJvm", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadServer.class.getName()));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream()));
        PrintStream serverIn = new PrintStream(server.getOutputStream(), true);
        int port = Integer.parseInt(line(serverOut, "port ")[1]);
        String[] rest = line(serverOut, "rest ");
        Process storage = null;
        BufferedReader storageOut = null;
        if (realIbts().isEmpty() || uploaders + downloaders == 0) {
            System.out.println("no uploads or downloads: no shared/data/iracing/ibt above " + Path.of("").toAbsolutePath()
                    + ", or none asked for");
        } else {
            storage = transfers("http://127.0.0.1:" + rest[1], uploaders, downloaders);
            storageOut = new BufferedReader(new InputStreamReader(storage.getInputStream()));
            line(storageOut, "ready");
        }
        WebSocketClient client = new WebSocketClient();
        client.start();
        try {
            List<AtomicLongArray> sentAt = new ArrayList<>();
            List<Watcher> watchers = new ArrayList<>();
            for (int d = 0; d < drivers; d++) {
                sentAt.add(new AtomicLongArray(capacity + 1));
                for (int s = 0; s < perDriver; s++) {
                    Watcher w = new Watcher(d, sentAt.get(d), s == 0 && d % 25 == 0);
                    w.socket = TestSocket.connect(client,
                            uri(port, LiveProtocol.subscribePath(TestNode.TEAM + d, "car" + d)), "load-" + d);
                    watchers.add(w);
                }
            }
            long[] measureFrom = {Long.MAX_VALUE};
            for (Watcher w : watchers) {
                w.socket.onBinary(m -> w.frame(m, measureFrom[0]));
            }
            List<TestPublisher> publishers = new ArrayList<>();
            for (int d = 0; d < drivers; d++) {
                TestPublisher p = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
                p.connect(client, uri(port, LiveProtocol.publishPath(TestNode.TEAM + d, "car" + d)), "load-" + d);
                publishers.add(p);
            }
            PrintStream storageIn = storage == null ? null : new PrintStream(storage.getOutputStream(), true);
            if (storageIn != null) {
                storageIn.println("start");
            }
            long start = System.nanoTime();
            measureFrom[0] = start + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
            long deliveredBefore = 0;
            long[] serverCpu = new long[2];
            long[] storageCpu = new long[2];
            Map<String, Long> threadsBefore = Map.of();
            long clientCpu = 0;
            long period = 1_000_000_000L / LiveProtocol.TICK_RATE;
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            for (long tick = 0; start + tick * period < end && tick < capacity; tick++) {
                for (int d = 0; d < drivers; d++) {
                    long due = start + tick * period + d * period / drivers;
                    for (long wait; (wait = due - System.nanoTime()) > 0;) {
                        LockSupport.parkNanos(wait);
                    }
                    if (tick == WARMUP_SECONDS * LiveProtocol.TICK_RATE && d == 0) {
                        serverCpu[0] = cpuTicks(server.pid());
                        storageCpu[0] = storage == null ? 0 : cpuTicks(storage.pid());
                        threadsBefore = threadTicks(server.pid(), rest[2]);
                        clientCpu = processCpu();
                        deliveredBefore = delivered(watchers);
                    }
                    TestPublisher p = publishers.get(d);
                    sentAt.get(d).set((int) tick + 1, System.nanoTime());
                    p.publish(row(d, tick + 1));
                }
            }
            double measured = (System.nanoTime() - measureFrom[0]) / 1e9;
            serverCpu[1] = cpuTicks(server.pid());
            storageCpu[1] = storage == null ? 0 : cpuTicks(storage.pid());
            String byThread = cpuByThread(threadsBefore, threadTicks(server.pid(), rest[2]), measured);
            clientCpu = processCpu() - clientCpu;
            long deliveredMeasured = delivered(watchers) - deliveredBefore;
            String[] transferred = null;
            if (storageIn != null) {
                storageIn.println("stop");
                transferred = line(storageOut, "storage ");
            }
            String nice = nice(server.pid());
            serverIn.println("heap");
            String[] heap = line(serverOut, "heap ");
            for (TestPublisher p : publishers) {
                p.socket.send(LiveControl.of(LiveControl.END));
            }
            long published = publishers.stream().mapToLong(TestPublisher::seq).sum();
            long dropped = 0;
            long lost = 0;
            long outOfOrder = 0;
            long wrong = 0;
            long decoded = 0;
            for (Watcher w : watchers) {
                long d = w.socket.await(LiveControl.ENDED).dropped();
                synchronized (w) {
                    dropped += d;
                    lost += publishers.get(w.driver).seq() - w.frames - d;
                    outOfOrder += w.outOfOrder;
                    wrong += w.wrongRows;
                    decoded += w.decoder == null ? 0 : w.frames;
                }
            }
            long[] all = watchers.stream().flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).sorted().toArray();
            long delivered = watchers.stream().mapToLong(w -> w.frames).sum();
            double elapsed = seconds;
            System.out.printf("drivers=%d subscribers=%d seconds=%d published=%d (%.0f/s) delivered=%d (%.0f/s)%n",
                    drivers, drivers * perDriver, seconds, published, published / elapsed, delivered, delivered / elapsed);
            System.out.printf("latency ms p50=%.2f p99=%.2f max=%.2f (n=%d) dropped=%d lost=%d outOfOrder=%d"
                    + " decodedChecked=%d wrongRows=%d%n", pct(all, 0.50), pct(all, 0.99),
                    all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length, dropped, lost, outOfOrder, decoded, wrong);
            System.out.printf("server CPU %.0f%% of one core, %.1f us per delivered frame (storage included), heap used"
                    + " %s MB, peak %s MB, GC %s ms; load generator CPU %.0f%%%n",
                    100.0 * (serverCpu[1] - serverCpu[0]) / 100 / measured,
                    (serverCpu[1] - serverCpu[0]) * 1e4 / Math.max(1, deliveredMeasured), heap[1], heap[3], heap[2],
                    100.0 * clientCpu / 1e9 / measured);
            System.out.println("server CPU by thread, % of one core: " + byThread);
            System.out.println("server threads by scheduling policy and nice value: " + nice);
            if (transferred != null) {
                System.out.printf("storage: %d uploaders, %d downloaders (their JVM %s, %.0f%% of one core); %s uploads"
                        + " and %s downloads checked by SHA-256 (%.1f MB), %s corrupt, %s failed%n", uploaders,
                        downloaders, System.getProperty("transfersAt", "idle"),
                        100.0 * (storageCpu[1] - storageCpu[0]) / 100 / measured, transferred[1], transferred[2],
                        Long.parseLong(transferred[3]) / 1e6, transferred[4], transferred[5]);
            }
        } finally {
            client.stop();
            serverIn.close();
            server.waitFor(30, TimeUnit.SECONDS);
            if (storage != null) {
                storage.destroy();
            }
        }
    }

    private static long delivered(List<Watcher> watchers) {
        long n = 0;
        for (Watcher w : watchers) {
            synchronized (w) {
                n += w.frames;
            }
        }
        return n;
    }

    /**
     * The transfer clients' JVM, at the idle scheduling policy unless {@code -DtransfersAt=normal} (nice 19 where
     * chrt is missing).
     */
    private static Process transfers(String rest, int uploaders, int downloaders) throws java.io.IOException {
        List<String> command = new ArrayList<>();
        if (!System.getProperty("transfersAt", "idle").equals("normal")) {
            command.addAll(Files.isExecutable(Path.of("/usr/bin/chrt")) ? List.of("/usr/bin/chrt", "--idle", "0")
                    : List.of("nice", "-n", "19"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), StorageTraffic.class.getName(), rest,
                Integer.toString(uploaders), Integer.toString(downloaders)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The real recordings in shared/data/iracing/ibt above the working folder; none when there is no such folder. */
    static List<Path> realIbts() throws java.io.IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared/data/iracing/ibt");
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    return files.filter(f -> f.toString().endsWith(".ibt")).sorted().toList();
                }
            }
        }
        return List.of();
    }

    /** The server's next output line that starts with prefix, split at spaces. */
    private static String[] line(BufferedReader in, String prefix) throws java.io.IOException {
        for (String line; (line = in.readLine()) != null;) {
            if (line.startsWith(prefix)) {
                return line.split(" ");
            }
        }
        throw new java.io.EOFException("the server ended");
    }

    private static URI uri(int port, String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The names of the process's threads (digits left out) by scheduling policy and nice value. */
    private static String nice(long pid) throws java.io.IOException {
        Map<String, Set<String>> names = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                String policy = switch (f[38]) {
                    case "0" -> "normal";
                    case "3" -> "batch";
                    case "5" -> "idle";
                    default -> "policy " + f[38];
                };
                names.computeIfAbsent(policy + " nice " + f[16], n -> new TreeSet<>()).add(name);
            }
        }
        return names.toString();
    }

    /**
     * CPU ticks of the process's threads by name (digits left out; the REST server's Jetty pool {@code restPool} as
     * "rest-jetty", other Jetty pools as "relay-jetty"), threads that ended left out.
     */
    private static Map<String, Long> threadTicks(long pid, String restPool) throws java.io.IOException {
        String rest = (restPool + "-").substring(0, Math.min(15, restPool.length() + 1)); // names end at 15 characters
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException e) {
                    continue; // ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                String group = name.startsWith(rest) ? "rest-jetty"
                        : name.startsWith("qtp") ? "relay-jetty" : name.replaceAll("[0-9]+", "N");
                ticks.merge(task.getFileName() + " " + group, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        }
        return ticks;
    }

    /** The busiest thread groups between two {@link #threadTicks} snapshots, in % of one core over seconds. */
    private static String cpuByThread(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Long> groups = new HashMap<>();
        after.forEach((task, t) -> groups.merge(task.substring(task.indexOf(' ') + 1), t - before.getOrDefault(task, 0L),
                Long::sum));
        return groups.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue() / seconds)).collect(Collectors.joining(", "));
    }

    /** utime + stime of a process, in clock ticks (1/100 s). */
    private static long cpuTicks(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
