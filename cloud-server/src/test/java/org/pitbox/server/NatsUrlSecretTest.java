package org.pitbox.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NATS URL may carry a password: it is a secret like the others, never a flag and never printed. */
class NatsUrlSecretTest {
    private static final String PASSWORD = "nats-SECRET-9";

    @Test
    void theUrlIsNoFlag() {
        String message = assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(
                new String[] {"--nats-url", "nats://pb:" + PASSWORD + "@nats:4222"}, Map.of())).getMessage();
        assertTrue(message.contains("PITBOX_NATS_URL"), message);
        assertFalse(message.contains(PASSWORD), message);
    }

    @Test
    void aFailedConnectionNeverShowsThePassword(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--data-dir", dir.toString()},
                Map.of("PITBOX_NATS_URL", "nats://pb:" + PASSWORD + "@127.0.0.1:" + closed));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder logged = new StringBuilder();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.append(r.getMessage()).append(r.getParameters() == null ? "" : java.util.Arrays.toString(
                        r.getParameters())).append(r.getThrown() == null ? "" : r.getThrown().toString()).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        PrintStream out = System.out;
        PrintStream err = System.err;
        Logger.getLogger("").addHandler(handler);
        IOException failure;
        try {
            PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            failure = assertThrows(IOException.class, () -> PitboxServer.create(config, Clock.systemUTC()));
        } finally {
            System.setOut(out);
            System.setErr(err);
            Logger.getLogger("").removeHandler(handler);
        }
        assertTrue(failure.getMessage().contains("***@127.0.0.1"), failure.getMessage());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), t.toString());
        }
        String text = captured.toString(StandardCharsets.UTF_8) + logged;
        assertFalse(text.contains(PASSWORD), text);
    }
}
