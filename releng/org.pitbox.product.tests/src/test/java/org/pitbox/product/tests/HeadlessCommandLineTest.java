package org.pitbox.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pitbox analyze} and {@code ./pitbox plugins} as the script runs them, in the built product: a wrong
 * command line or a bad file gives one line on standard error, never the internal launcher's usage or a Java class.
 */
class HeadlessCommandLineTest {
    private static final Path PRODUCT = Path.of(System.getProperty("pitbox.product", "missing"));

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    /** Runs the product's headless application with the arguments ./pitbox gives it. */
    private Result pitbox(String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("sh", PRODUCT.resolve("pitbox.sh").toString(), "-nosplash",
                "-data", dir.resolve("workspace").toString(), "-application", "org.pitbox.plugins.cli"));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PITBOX_VM_ARGS", "-Duser.home=" + dir);
        builder.environment().remove("DISPLAY");
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", args) + " did not end");
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** The one error line of a failed command, checked for what must never be in it. */
    private String failure(int status, String... args) throws Exception {
        Result r = pitbox(args);
        assertEquals(status, r.status(), String.join(" ", args) + ": " + r.err() + r.out());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("pitbox.sh") || r.err().contains("Exception"), r.err());
        return r.err().strip();
    }

    @Test
    void wrongCommandLinesAndBadFilesGiveOneLine() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the test runs the linux product");
        assertTrue(Files.exists(PRODUCT.resolve("pitbox.sh")), "build releng/org.pitbox.product first: " + PRODUCT);
        String usage = " (usage: pitbox analyze --list | pitbox analyze FILE [--analysis ID])";
        assertEquals("pitbox: missing FILE or --list" + usage, failure(2, "analyze"));
        assertEquals("pitbox: unknown option --bogus" + usage, failure(2, "analyze", "--bogus"));
        assertTrue(failure(2, "plugins", "bogus").startsWith("pitbox: unknown plugins command 'bogus': give list,"));
        Path empty = Files.createFile(dir.resolve("empty.ibt"));
        assertTrue(failure(1, "analyze", empty.toString()).startsWith("pitbox: " + empty + " is not a readable .ibt"
                + " file (file is truncated: 0 bytes"));

        Result help = pitbox("analyze", "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().startsWith("usage: pitbox analyze --list\n"), help.out());
        assertTrue(pitbox("plugins", "install", "--help").out().startsWith("usage: pitbox plugins install REPO ID..."));
    }
}
