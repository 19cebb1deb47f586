package org.pitbox.ui.tests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The demo server's jar run as a process on a random port, as {@code ./pitbox demo} runs it; skips without it. */
public record TestDemoServer(Process process, URI base) {
    private static final Path JAR = Path.of("..", "..", "cloud-server", "target", "pitbox-server.jar")
            .toAbsolutePath().normalize();
    public static final String PASSWORD = "pitbox-demo";

    /** Starts it with its data and log under {@code dir}; waits up to a minute for its ready file. */
    public static TestDemoServer start(Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "skipped: needs the server jar " + JAR
                + " (the build makes cloud-server before the UI tests; run ./pitbox test from the top)");
        Path ready = dir.resolve("ready");
        Path log = dir.resolve("server.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                JAR.toString(), "org.pitbox.server.DemoServer", "--ready-file", ready.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(ready) && Files.size(ready) > 0)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroy();
                throw new AssertionError("the demo server did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return new TestDemoServer(p, URI.create(Files.readString(ready).strip()));
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
