package org.pitbox.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the process prints (System.out and System.err) and logs (the root logger, every level) while it is open, to
 * look for secrets in; closing it puts the streams and the root logger's level back.
 */
public final class OutputCapture implements AutoCloseable {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StringBuilder logged = new StringBuilder();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final Logger root = Logger.getLogger("");
    private final Level level = root.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (logged) {
                logged.append(r.getMessage())
                        .append(r.getParameters() == null ? "" : Arrays.toString(r.getParameters()))
                        .append(r.getThrown() == null ? "" : r.getThrown().toString()).append('\n');
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private OutputCapture() {
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    public static OutputCapture start() {
        return new OutputCapture();
    }

    /** Standard error as it was before the capture, to print past it. */
    public PrintStream originalErr() {
        return err;
    }

    /** Everything printed, then everything logged, so far. */
    public String text() {
        synchronized (logged) {
            return printed.toString(StandardCharsets.UTF_8) + "\n" + logged;
        }
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        root.removeHandler(handler);
        root.setLevel(level);
    }
}
