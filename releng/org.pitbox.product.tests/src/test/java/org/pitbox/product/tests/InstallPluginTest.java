package org.pitbox.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.Tracks;
import org.pitbox.iracing.ibt.SimulatedIbt;

/**
 * The built linux product, copied to target/pitbox: installs the example analysis from the examples' p2
 * repository, sees it after a restart (a new process), runs it on a simulated session and uninstalls it.
 */
class InstallPluginTest {
    private static final Path PRODUCT = Path.of(System.getProperty("pitbox.product", "missing"));
    private static final Path REPOSITORY = Path.of(System.getProperty("pitbox.examples.repository", "missing"));
    private static final Path HOME = Path.of("target", "pitbox").toAbsolutePath();
    private static final String PLUGIN = "org.pitbox.examples.analysis";
    private static final String ANALYSIS = "com.example.time-lost-per-corner";

    @Test
    void installsRunsAndUninstallsTheExampleAnalysis() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the test runs the linux product");
        assertTrue(Files.exists(PRODUCT.resolve("pitbox.sh")), "build releng/org.pitbox.product first: " + PRODUCT);
        assertTrue(Files.exists(REPOSITORY.resolve("content.jar")) || Files.exists(REPOSITORY.resolve("content.xml")),
                "build examples/org.pitbox.examples.repository first: " + REPOSITORY);
        copy(PRODUCT, HOME);
        Path session = simulatedSession();

        assertFalse(pitbox("list").contains(PLUGIN), "nothing is installed at first");
        assertFalse(pitbox("analyze", "--list").contains(ANALYSIS));

        String installed = pitbox("install", REPOSITORY.toUri().toString(), PLUGIN);
        assertTrue(installed.contains("restart"), installed);

        assertTrue(pitbox("list").contains(PLUGIN + "\t1.0.0"));
        assertTrue(pitbox("analyze", "--list").contains(ANALYSIS + "\tTime lost per corner\t1.0.0\tExample Coaching Ltd"));
        String analyzed = pitbox("analyze", session.toString(), "--analysis", ANALYSIS);
        assertTrue(analyzed.contains("== Time lost per corner"), analyzed);
        assertTrue(analyzed.contains("\nTime lost per corner\nlap"), "its table is printed:\n" + analyzed);

        pitbox("uninstall", PLUGIN);
        assertFalse(pitbox("list").contains(PLUGIN));
        assertFalse(pitbox("analyze", "--list").contains(ANALYSIS), "the analysis is gone after the uninstall");
    }

    /** Runs the product's headless application org.pitbox.plugins.cli; fails unless it exits with 0. */
    private static String pitbox(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("sh", HOME.resolve("pitbox.sh").toString(), "-nosplash",
                "-consoleLog", "-data", HOME.resolve("workspace").toString(), "-application", "org.pitbox.plugins.cli"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("DISPLAY");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pitbox " + String.join(" ", command) + " did not end");
        assertEquals(0, process.exitValue(), "pitbox " + String.join(" ", command) + ":\n" + output);
        return output;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Four laps of the Red Bull Ring, written as an .ibt as {@code pitbox simulate} does. */
    private static Path simulatedSession() throws IOException {
        Path file = Path.of("target", "simulated.ibt").toAbsolutePath();
        SimulatedIbt.write(SimOptions.defaults().withTrack(Tracks.RED_BULL_RING).withLaps(4).withSeed(7), file,
                1_764_000_000L);
        return file;
    }
}
