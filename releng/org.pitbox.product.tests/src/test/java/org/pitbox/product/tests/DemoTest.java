package org.pitbox.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.CloudClient;
import org.pitbox.client.live.Backoff;
import org.pitbox.client.live.LiveSubscriber;
import org.pitbox.client.live.SubscriberListener;
import org.pitbox.protocol.api.SessionPage;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.server.DemoServer;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;

/**
 * {@code ./pitbox demo}'s path with the real product: the workbench signs in to a demo server as the driver,
 * streams the simulator live and watches it from the Race Engineer perspective; an engineer's client sees the
 * session and its rows. Stopping the workbench ends the session and the server stores it. Needs a display
 * (the tests run under xvfb-run).
 */
class DemoTest {
    private static final Path PRODUCT = Path.of(System.getProperty("pitbox.product", "missing"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("pitbox.screenshots", "target"));
    /** The demo fragment, which the product leaves out, and the script that adds it to a configuration. */
    private static final Path DEMO_JAR = Path.of(System.getProperty("pitbox.demo.fragment", "missing"));
    private static final Path DEMO_CONFIGURATION = Path.of(System.getProperty("pitbox.demo.configuration",
            "missing"));
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void theWorkbenchStreamsASimulatedCarThatTheTeamWatchesAndStores() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the test runs the linux product");
        assumeTrue(System.getenv("DISPLAY") != null, "needs a display: run it under xvfb-run (./pitbox test does)");
        assertTrue(Files.exists(PRODUCT.resolve("pitbox.sh")), "build releng/org.pitbox.product first: " + PRODUCT);
        ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--data-dir",
                dir.resolve("server").toString()}, Map.of());
        try (PitboxServer server = PitboxServer.start(config)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            TeamView team = DemoServer.seed(base);
            CloudClient engineer = new CloudClient(base);
            engineer.login(DemoServer.ENGINEER, DemoServer.PASSWORD);

            BlockingQueue<List<LiveControl.Session>> sessions = new LinkedBlockingQueue<>();
            BlockingQueue<List<LiveControl.Member>> members = new LinkedBlockingQueue<>();
            LiveSubscriber presence = LiveSubscriber.team(base, engineer::accessToken, team.id(), Backoff.defaults(),
                    new SubscriberListener() {
                        @Override
                        public void presence(List<LiveControl.Member> who, List<LiveControl.Session> live) {
                            members.add(who);
                            sessions.add(live);
                        }
                    });
            long started = System.currentTimeMillis();
            Process workbench = start(base);
            try {
                LiveControl.Session session = firstSession(sessions);
                assertEquals("Demo Driver", session.driverName());
                assertTrue(watchedByTheWorkbench(members), "the Race Engineer perspective subscribes to the session");

                AtomicLong rows = new AtomicLong();
                try (LiveSubscriber watch = LiveSubscriber.session(base, engineer::accessToken, team.id(),
                        session.sessionKey(), Backoff.defaults(), new SubscriberListener() {
                            @Override
                            public void row(long seq, byte[] row) {
                                rows.incrementAndGet();
                            }
                        })) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (rows.get() < 180 && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    assertTrue(rows.get() >= 180, "3 s of live rows reach the engineer: " + rows.get());
                    awaitScreenshots(started);
                }
            } finally {
                presence.close();
                workbench.destroy(); // SIGTERM: the workbench ends the live session on the way out
                assertTrue(workbench.waitFor(60, TimeUnit.SECONDS), "the workbench stopped");
            }
            SessionView stored = storedSession(engineer, team.id());
            assertTrue(stored.recordCount() > 180, "the live session was stored with its rows: " + stored);
        }
    }

    private Process start(URI base) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS); // the workbench saves into it, but does not create it
        Path configuration = dir.resolve("configuration");
        Process configure = new ProcessBuilder("sh", DEMO_CONFIGURATION.toString(), PRODUCT.toString(),
                DEMO_JAR.toString(), configuration.toString()).inheritIO().start();
        assertEquals(0, configure.waitFor(), "the demo configuration was written");
        ProcessBuilder builder = new ProcessBuilder("sh", PRODUCT.resolve("pitbox.sh").toString(), "-nosplash",
                "-configuration", configuration.toString(), "-data", dir.resolve("workspace").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("workbench.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PITBOX_VM_ARGS", "-D" + "pitbox.demo=" + base + " -Dpitbox.home="
                + dir.resolve("home") + " -Dpitbox.simulator.track=martinsville -Dpitbox.demo.screenshots="
                + SCREENSHOTS.toAbsolutePath());
        return builder.start();
    }

    /** The workbench saves the README's demo screenshots 75 s into the demo (three laps of Martinsville). */
    private void awaitScreenshots(long since) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(newer(SCREENSHOTS.resolve("demo-workbench.png"), since)
                && newer(SCREENSHOTS.resolve("demo-overlay.png"), since))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the demo saved no screenshots in " + SCREENSHOTS + "; workbench log:\n"
                        + log());
            }
            Thread.sleep(250);
        }
    }

    private static boolean newer(Path file, long since) {
        try {
            return Files.getLastModifiedTime(file).toMillis() >= since;
        } catch (IOException e) {
            return false;
        }
    }

    private LiveControl.Session firstSession(BlockingQueue<List<LiveControl.Session>> updates) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            List<LiveControl.Session> live = updates.poll(1, TimeUnit.SECONDS);
            if (live != null && !live.isEmpty()) {
                return live.get(0);
            }
        }
        throw new AssertionError("no live session within " + START.toSeconds() + " s; workbench log:\n" + log());
    }

    private static boolean watchedByTheWorkbench(BlockingQueue<List<LiveControl.Member>> updates) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<LiveControl.Member> who = updates.poll(1, TimeUnit.SECONDS);
            if (who != null && who.stream().anyMatch(m -> "subscribe".equals(m.mode())
                    && m.name().equals("Demo Driver"))) {
                return true;
            }
        }
        return false;
    }

    private static SessionView storedSession(CloudClient client, long teamId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            SessionPage page = client.sessions(teamId, CloudClient.SessionQuery.FIRST);
            if (!page.items().isEmpty() && SessionView.COMPLETE.equals(page.items().get(0).status())) {
                return page.items().get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the ended live session was not stored");
    }

    private String log() throws IOException {
        Path log = dir.resolve("workbench.log");
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }
}
