package org.pitbox.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.server.testing.OutputCapture;

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
        IOException failure;
        String text;
        try (OutputCapture capture = OutputCapture.start()) {
            failure = assertThrows(IOException.class, () -> PitboxServer.create(config, Clock.systemUTC()));
            text = capture.text();
        }
        assertTrue(failure.getMessage().contains("***@127.0.0.1"), failure.getMessage());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), t.toString());
        }
        assertFalse(text.contains(PASSWORD), text);
    }
}
