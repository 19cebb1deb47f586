package org.pitbox.app.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.core.home.PitboxHome;
import org.pitbox.core.live.LinkLevel;
import org.pitbox.core.sim.SimulatorSource;

/**
 * The team session and the engineer's live view against a real server (the demo server's jar, run as a process):
 * sign in, remember and restore the sign-in, stream the simulator live, watch it, radio both ways, sign out.
 */
class TeamSessionTest {
    private static final Path SERVER_JAR = Path.of("..", "..", "cloud-server", "target", "pitbox-server.jar")
            .toAbsolutePath().normalize();
    private static final String PASSWORD = "pitbox-demo";
    private static Path dir;
    private static Process server;
    private static String base;

    /** A sign-in store in memory: what the workbench keeps in secure storage. */
    static final class MemoryStore implements SignInStore {
        volatile SignIn stored;

        @Override
        public Optional<SignIn> load() {
            return Optional.ofNullable(stored);
        }

        @Override
        public void save(SignIn signIn) {
            stored = signIn;
        }

        @Override
        public void clear() {
            stored = null;
        }
    }

    /** Settings in memory: what the workbench keeps in its preferences. */
    static final class MemorySettings implements TeamSettings {
        final Map<String, String> values = new HashMap<>();

        @Override
        public synchronized String get(String key, String defaultValue) {
            return values.getOrDefault(key, defaultValue);
        }

        @Override
        public synchronized void put(String key, String value) {
            values.put(key, value);
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SERVER_JAR), "skipped: needs the server jar " + SERVER_JAR
                + " (the build makes cloud-server before this bundle)");
        dir = Files.createTempDirectory("pitbox-team-session");
        System.setProperty(PitboxHome.PROPERTY, dir.resolve("home").toString());
        Path ready = dir.resolve("ready");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                SERVER_JAR.toString(), "org.pitbox.server.DemoServer", "--ready-file", ready.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        await(() -> Files.exists(ready) && size(ready) > 0 || !server.isAlive(), 60, "the demo server starts");
        assertTrue(server.isAlive(), "the demo server stopped: " + Files.readString(dir.resolve("server.log")));
        base = Files.readString(ready).strip();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        System.clearProperty(PitboxHome.PROPERTY);
    }

    @Test
    void signsInStreamsIsWatchedAndSignsOut() throws Exception {
        MemoryStore store = new MemoryStore();
        MemorySettings settings = new MemorySettings();
        ActiveFeed feed = new ActiveFeed();
        TeamSession team = new TeamSession(feed, store, settings);
        List<String> heard = new CopyOnWriteArrayList<>();
        team.addListener(new TeamSession.Listener() {
            @Override
            public void changed(String sentence) {
                heard.add(sentence);
            }

            @Override
            public void radio(String fromName, String text) {
                heard.add("radio " + text);
            }
        });
        TeamSession engineerSide = new TeamSession(new ActiveFeed(), new MemoryStore(), new MemorySettings());
        LiveBoard board = new LiveBoard();
        EngineerLive engineer = new EngineerLive(board);
        List<EngineerLive.Change> seen = new CopyOnWriteArrayList<>();
        engineer.addListener(seen::add);
        try {
            assertEquals(TeamSettings.DEFAULT_SERVER_URL, team.serverUrl(), "nothing chosen yet");
            team.signIn(base, "driver@demo.pitbox", PASSWORD).get(30, TimeUnit.SECONDS);
            assertTrue(team.signedIn());
            assertNotNull(team.team(), "the demo team is chosen");
            assertEquals(base, settings.get(TeamSettings.SERVER_URL, null));
            assertEquals("driver@demo.pitbox", store.stored.email(), "the sign-in is remembered");
            assertTrue(heard.contains("Signed in to " + base + " as driver@demo.pitbox"), heard.toString());

            IOException noFeed = assertThrows(IOException.class, () -> team.startStreaming(null, Bandwidth.FULL));
            assertEquals("Start a telemetry source first", noFeed.getMessage());
            feed.start(new SimulatorSource(), null);
            team.startStreaming(feed.feed(), Bandwidth.FULL);
            assertTrue(team.streaming() && team.sessionKey().startsWith("live-"), team.sessionKey());
            assertEquals(Bandwidth.FULL.key(), settings.get(TeamSettings.BANDWIDTH, null));
            await(() -> team.link().level() == LinkLevel.OK, 30, "the link is live: " + team.link().text());

            engineerSide.signIn(base, "engineer@demo.pitbox", PASSWORD).get(30, TimeUnit.SECONDS);
            engineer.watch(engineerSide.client(), engineerSide.team(), team.sessionKey());
            await(() -> board.active() && board.rows() > 0, 30, "the engineer's board takes rows");
            assertTrue(seen.contains(EngineerLive.Change.SESSION), seen.toString());
            await(() -> engineer.sessions().stream().anyMatch(s -> s.sessionKey().equals(team.sessionKey())), 30,
                    "the session is in the team's presence");
            await(() -> engineer.radio("Box this lap"), 30, "the engineer's radio is sent");
            await(() -> heard.contains("radio Box this lap"), 30, "the driver hears the engineer");

            feed.stop();
            await(() -> !team.streaming(), 30, "stopping the feed ends the live session");
            team.dispose();
            assertFalse(team.signedIn(), "the component ends: its sign-in is gone from memory");

            TeamSession next = new TeamSession(feed, store, settings);
            next.addListener(heard::add);
            assertTrue(next.restore().get(30, TimeUnit.SECONDS), "signed in again from the remembered token");
            assertEquals("driver@demo.pitbox", next.email());
            next.signOut().get(30, TimeUnit.SECONDS);
            assertFalse(next.signedIn());
            assertNull(store.stored, "signing out forgets the remembered sign-in");
            assertTrue(heard.contains("Signed out"), heard.toString());
            next.dispose();
        } finally {
            engineer.closeAll();
            engineerSide.dispose();
            team.dispose();
            feed.stop();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void await(BooleanSupplier done, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
