package org.pitbox.ui.tests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.pitbox.core.home.PitboxHome;
import org.pitbox.core.sim.SimulatedRecording;

/**
 * The demo server's jar run as a process on a random port, as {@code ./pitbox demo} runs it, with the desktop's PitBox
 * home beside it; skips without the jar.
 */
public final class TestDemoServer {
    private static final Path JAR = Path.of("..", "..", "cloud-server", "target", "pitbox-server.jar")
            .toAbsolutePath().normalize();
    public static final String PASSWORD = "pitbox-demo";

    private final Process process;
    private final URI base;
    private final Path dir;
    private final PitboxHome.Moved home;
    private final List<TestDriver> drivers = new CopyOnWriteArrayList<>();

    private TestDemoServer(Process process, URI base, Path dir, PitboxHome.Moved home) {
        this.process = process;
        this.home = home;
        this.base = base;
        this.dir = dir;
    }

    /**
     * Starts it with its data and log under {@code dir}, and moves the PitBox home to {@code dir/home} until
     * {@link #stop}; waits up to a minute for its ready file.
     */
    public static TestDemoServer start(Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "skipped: needs the server jar " + JAR
                + " (the build makes cloud-server before the UI tests; run ./pitbox test from the top)");
        PitboxHome.Moved home = PitboxHome.moveTo(dir.resolve("home"));
        Path ready = dir.resolve("ready");
        Path log = dir.resolve("server.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                JAR.toString(), "org.pitbox.server.DemoServer", "--ready-file", ready.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(ready) && Files.size(ready) > 0)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroy();
                home.close();
                throw new AssertionError("the demo server did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return new TestDemoServer(p, URI.create(Files.readString(ready).strip()), dir, home);
    }

    public URI base() {
        return base;
    }

    /**
     * The demo team's driver streaming {@code race} live as session {@code key} (see {@link TestDriver}), until the
     * server stops; what fails goes to {@code failures}.
     */
    public TestDriver driver(String key, SimulatedRecording race, int laps, int fastLaps, List<Throwable> failures) {
        TestDriver d = TestDriver.start(base, key, race, laps, fastLaps, dir.resolve("spool-" + key), failures);
        drivers.add(d);
        return d;
    }

    /** Stops its drivers, then the server, and puts the PitBox home back. */
    public void stop() throws InterruptedException {
        drivers.forEach(TestDriver::close);
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
        home.close();
    }
}
