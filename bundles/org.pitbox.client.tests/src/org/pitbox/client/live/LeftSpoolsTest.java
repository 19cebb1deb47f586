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
 * Spools a crashed run left: one the server does not confirm stays whole on disk, another server's or another
 * user's is left alone, one that does not say its user is not sent, an empty folder goes, and a spool in use is
 * never opened twice. (Sending them to a real server: org.pitbox.app.tests' LeftSpoolTest.)
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

    /** A publisher of user that cannot reach its server spools rows, then stops as a crash would leave it. */
    private static void leave(Path dir, URI server, String user, int rows) throws Exception {
        LivePublisher p = new LivePublisher(server, () -> "token", 7, dir.getFileName().toString(), SCHEMA, "info",
                LivePublisher.Config.defaults(dir).withBackoff(new Backoff(Duration.ofMillis(50),
                        Duration.ofMillis(200), new java.util.Random(1))).withUser(user), new LiveListener() {
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
        leave(team.resolve("live-a"), server, "41", 120);
        assertEquals(120, frames(team.resolve("live-a")));
        leave(team.resolve("live-other"), nobody(), "41", 30);
        Files.createDirectories(team.resolve("live-empty"));

        List<LeftSpools.Outcome> outcomes = LeftSpools.resend(team, server, "41", () -> "token", 7, key -> false,
                Duration.ofSeconds(2));

        assertEquals(1, outcomes.size(), outcomes.toString());
        assertEquals("live-a", outcomes.get(0).sessionKey());
        assertFalse(outcomes.get(0).sent());
        assertTrue(outcomes.get(0).reason().startsWith("the server did not confirm it"), outcomes.toString());
        assertEquals(120, frames(team.resolve("live-a")), "nothing of an unconfirmed spool is lost");
        assertEquals(30, frames(team.resolve("live-other")), "another server's spool is left alone");
        assertFalse(Files.exists(team.resolve("live-empty")));
    }

    /** Another user signed in on the same machine never sends a spool under their account, nor one of no known user. */
    @Test
    void onlyTheUserWhoWroteASpoolSendsIt() throws Exception {
        URI server = nobody();
        leave(team.resolve("live-theirs"), server, "41", 60);
        leave(team.resolve("live-unknown"), server, null, 30);

        List<LeftSpools.Outcome> outcomes = LeftSpools.resend(team, server, "42", () -> "token", 7, key -> false,
                Duration.ofSeconds(2));

        assertEquals(List.of(new LeftSpools.Outcome("live-unknown", false,
                "the spool does not say which account wrote it")), outcomes);
        assertEquals(60, frames(team.resolve("live-theirs")), "the other user's spool stays whole for them");
        assertEquals(30, frames(team.resolve("live-unknown")));
        assertTrue(LeftSpools.resend(team, server, "41", () -> "token", 7, key -> !key.equals("live-theirs"),
                Duration.ofSeconds(1)).get(0).reason().startsWith("the server did not confirm it"),
                "its own user tries to send it");
    }

    /** A spool left by the version before this one (frame format 2) is kept and sent, not refused or wiped. */
    @Test
    void aSpoolOfTheFormatBeforeIsStillSent() throws Exception {
        URI server = nobody();
        Path dir = team.resolve("live-old");
        leave(dir, server, "41", 90);
        byte[] kind = Files.readAllBytes(dir.resolve("schema"));
        kind[0] = 2;
        Files.write(dir.resolve("schema"), kind);

        List<LeftSpools.Outcome> outcomes = LeftSpools.resend(team, server, "41", () -> "token", 7, key -> false,
                Duration.ofSeconds(1));

        assertTrue(outcomes.get(0).reason().startsWith("the server did not confirm it"), outcomes.toString());
        assertEquals(90, frames(dir), "its frames are all kept");
    }

    @Test
    void aSpoolInUseIsNotOpenedAgain() throws Exception {
        URI server = nobody();
        leave(team.resolve("live-b"), server, "41", 10);
        try (FrameSpool open = new FrameSpool(team.resolve("live-b"), 1 << 20, SCHEMA)) {
            assertThrows(FrameSpool.InUse.class, () -> new FrameSpool(team.resolve("live-b"), 1 << 20, SCHEMA));
            assertEquals(List.of(), LeftSpools.resend(team, server, "41", () -> "token", 7, key -> false,
                    Duration.ofSeconds(1)), "a running session's spool is skipped");
            assertEquals(10, open.frames());
        }
        assertEquals(10, frames(team.resolve("live-b")));
    }
}
