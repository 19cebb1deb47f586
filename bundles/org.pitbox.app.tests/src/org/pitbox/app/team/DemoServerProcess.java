package org.pitbox.app.team;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.pitbox.core.home.PitboxHome;

/**
 * The demo server's jar in a process of its own, as {@code ./pitbox demo} runs it, with the desktop's PitBox home
 * in a fresh temporary folder. Tests that need it skip, saying why, when the jar was not built.
 */
public final class DemoServerProcess implements AutoCloseable {
    public static final String DRIVER = "driver@demo.pitbox", ENGINEER = "engineer@demo.pitbox",
            PASSWORD = "pitbox-demo";
    private static final Path SERVER_JAR = Path.of("..", "..", "cloud-server", "target", "pitbox-server.jar")
            .toAbsolutePath().normalize();

    private final Path dir;
    private final Process server;
    private final String base;
    private final PitboxHome.Moved home;

    private DemoServerProcess(Path dir, Process server, String base, PitboxHome.Moved home) {
        this.dir = dir;
        this.home = home;
        this.server = server;
        this.base = base;
    }

    /** Starts the server and moves the PitBox home to {@code home} in a new temporary folder named after the test. */
    public static DemoServerProcess start(String name) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SERVER_JAR), "skipped: needs the server jar " + SERVER_JAR
                + " (the build makes cloud-server before this bundle)");
        Path dir = Files.createTempDirectory("pitbox-" + name);
        PitboxHome.Moved home = PitboxHome.moveTo(dir.resolve("home"));
        Path ready = dir.resolve("ready");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                SERVER_JAR.toString(), "org.pitbox.server.DemoServer", "--ready-file", ready.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            await(() -> size(ready) > 0 || !server.isAlive(), 60, "the demo server starts");
            assertTrue(server.isAlive(), "the demo server stopped: " + Files.readString(dir.resolve("server.log")));
        } catch (AssertionError | InterruptedException e) {
            server.destroy();
            home.close();
            throw e;
        }
        return new DemoServerProcess(dir, server, Files.readString(ready).strip(), home);
    }

    /** The server's address, e.g. {@code http://127.0.0.1:41234}. */
    public String base() {
        return base;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
        home.close();
    }

    /** Waits until {@code done}, polling every 50 ms; fails saying {@code what} after {@code seconds}. */
    public static void await(BooleanSupplier done, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
