package org.pitbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs commands in-process without OSGi and keeps what they printed. */
abstract class CommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The one line on standard error after a failed command, with nothing on standard output. */
    String failure(int status, String... args) {
        assertEquals(status, run(args), "status of " + String.join(" ", args) + "; " + err());
        assertEquals("", out(), "nothing on standard output");
        assertEquals(1, err().lines().count(), "one line: " + err());
        assertTrue(err().startsWith("pitbox: "), err());
        assertFalse(err().contains("Exception"), "no Java class names: " + err());
        return err().strip();
    }
}
