package org.pitbox.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * Spools a crashed run left: one the server does not confirm stays whole on disk, another server's is left
 * alone, an empty folder goes, and a spool in use is never opened twice. (Sending them to a real server:
 * org.pitbox.app.tests' LeftSpoolTest.)
 */
class LeftSpoolsTest {
    private static final FrameSchema SCHEMA = new FrameSchema(List.of(new ChannelSpec("Speed", ChannelSpec.FLOAT,
            1, 0), new ChannelSpec("Lap", ChannelSpec.INT, 1, 4)), 8);

    @TempDir
    Path team;

    /** A server address where nothing listens. */
    private static URI nobody() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    /** A publisher that cannot reach its server spools rows, then stops as a crash would leave it. */
    private static void leave(Path dir, URI server, int rows) throws Exception {
        LivePublisher p = new LivePublisher(server, () -> "token", 7, dir.getFileName().toString(), SCHEMA, "info",
                LivePublisher.Config.defaults(dir).withBackoff(new Backoff(Duration.ofMillis(50),
                        Duration.ofMillis(200), new java.util.Random(1))), new LiveListener() {
                });
        for (int i = 0; i < rows; i++) {
            p.publish(new byte[] {(byte) i, 0, 0, 0, 1, 0, 0, 0});
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (p.status().spooledSeconds() * 60 < rows && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        p.close();
    }

    private static int frames(Path dir) throws Exception {
        try (FrameSpool s = new FrameSpool(dir, 256L << 20, SCHEMA)) {
            return s.frames();
        }
    }

    @Test
    void aSpoolTheServerDidNotConfirmStaysWhole() throws Exception {
        URI server = nobody();
        leave(team.resolve("live-a"), server, 120);
        assertEquals(120, frames(team.resolve("live-a")));
        leave(team.resolve("live-other"), nobody(), 30);
        Files.createDirectories(team.resolve("live-empty"));

        List<LeftSpools.Outcome> outcomes = LeftSpools.resend(team, server, () -> "token", 7, key -> false,
                Duration.ofSeconds(2));

        assertEquals(1, outcomes.size(), outcomes.toString());
        assertEquals("live-a", outcomes.get(0).sessionKey());
        assertFalse(outcomes.get(0).sent());
        assertTrue(outcomes.get(0).reason().startsWith("the server did not confirm it"), outcomes.toString());
        assertEquals(120, frames(team.resolve("live-a")), "nothing of an unconfirmed spool is lost");
        assertEquals(30, frames(team.resolve("live-other")), "another server's spool is left alone");
        assertFalse(Files.exists(team.resolve("live-empty")));
    }

    @Test
    void aSpoolInUseIsNotOpenedAgain() throws Exception {
        URI server = nobody();
        leave(team.resolve("live-b"), server, 10);
        try (FrameSpool open = new FrameSpool(team.resolve("live-b"), 1 << 20, SCHEMA)) {
            assertThrows(FrameSpool.InUse.class, () -> new FrameSpool(team.resolve("live-b"), 1 << 20, SCHEMA));
            assertEquals(List.of(), LeftSpools.resend(team, server, () -> "token", 7, key -> false,
                    Duration.ofSeconds(1)), "a running session's spool is skipped");
            assertEquals(10, open.frames());
        }
        assertEquals(10, frames(team.resolve("live-b")));
    }
}
