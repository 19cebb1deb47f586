package org.pitbox.client.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.codec.FrameSchema;

/** The publisher's spool on real files: what survives a restart, and what a full spool drops. */
class FrameSpoolTest {
    private static final FrameSchema SCHEMA = new FrameSchema(List.of(new ChannelSpec("Speed", ChannelSpec.FLOAT,
            1, 0), new ChannelSpec("Lap", ChannelSpec.INT, 1, 4)), 8);

    @TempDir
    Path dir;

    /** n frames of an encoder with a keyframe every 4. */
    private static List<byte[]> frames(int n) {
        FrameEncoder encoder = new FrameEncoder(SCHEMA, 4);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.add(encoder.encode(new byte[] {(byte) i, 0, 0, 0, (byte) (i / 10), 0, 0, 0}));
        }
        return frames;
    }

    private static void append(FrameSpool spool, List<byte[]> frames) throws Exception {
        for (byte[] f : frames) {
            assertTrue(spool.append(f, FrameEncoder.isKeyframe(f, 0)));
        }
    }

    @Test
    void aRestartKeepsWhatTheServerHasNotAcknowledged() throws Exception {
        List<byte[]> frames = frames(10);
        try (FrameSpool spool = new FrameSpool(dir, 1 << 20, SCHEMA)) {
            append(spool, frames);
            for (int i = 0; i < 3; i++) {
                spool.next(LivePublisher.WINDOW, 0);
            }
            spool.ack(2);
        }
        try (FrameSpool again = new FrameSpool(dir, 1 << 20, SCHEMA)) {
            assertEquals(8, again.frames());
            assertEquals(10, again.lastSeq());
            for (int seq = 3; seq <= 10; seq++) {
                FrameSpool.Frame f = again.next(LivePublisher.WINDOW, 0);
                assertEquals(seq, f.seq());
                assertArrayEquals(frames.get(seq - 1), f.data());
            }
        }
        FrameSchema other = new FrameSchema(List.of(new ChannelSpec("Gear", ChannelSpec.INT, 1, 0)), 4);
        try (FrameSpool forOther = new FrameSpool(dir, 1 << 20, other)) {
            assertTrue(forOther.isEmpty(), "frames of another schema are not sent");
        }
    }

    @Test
    void aFullSpoolDropsTheOldestFramesUpToAKeyframe() throws Exception {
        List<byte[]> frames = frames(200);
        long bound = 0;
        for (byte[] f : frames.subList(0, 20)) {
            bound += 4 + f.length;
        }
        try (FrameSpool spool = new FrameSpool(dir, bound, SCHEMA)) {
            append(spool, frames);
            assertTrue(spool.dropped() > 0 && spool.bytes() <= bound, spool.dropped() + " dropped");
            assertEquals(200, spool.frames() + spool.dropped());
            FrameSpool.Frame head = spool.next(LivePublisher.WINDOW, 0);
            assertTrue(FrameEncoder.isKeyframe(head.data(), 0), "the head is a keyframe");
            assertArrayEquals(frames.get((int) spool.dropped()), head.data());
        }
    }
}
