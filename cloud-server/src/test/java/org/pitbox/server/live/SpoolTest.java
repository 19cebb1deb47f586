package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.live.LiveProtocol;

class SpoolTest {
    @Test
    void spoolsOfOneKeyOpenedInTheSameMillisecondKeepTheirOwnFrames(@TempDir Path dir) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Spool.HandOff handOff = new Spool.HandOff(writer, Spool.HAND_OFF_BYTES);
        Spool first = new Spool(dir, 1, "car1", Long.MAX_VALUE, () -> { }, handOff);
        // the same team, key and (nearly always) millisecond
        Spool second = new Spool(dir, 1, "car1", Long.MAX_VALUE, () -> { }, handOff);
        append(first, SimRows.ROWS.subList(0, 10));
        append(second, SimRows.ROWS.subList(100, 130));
        Path a = first.finish(SimRows.SCHEMA, 60, SimRows.YAML);
        Path b = second.finish(SimRows.SCHEMA, 60, SimRows.YAML);
        assertNotEquals(a, b);
        SimRows.assertStored(a, SimRows.ROWS.subList(0, 10));
        SimRows.assertStored(b, SimRows.ROWS.subList(100, 130));
        writer.shutdown();
    }

    /**
     * The relay hands frames over without touching the disk: while the writer is held up the node's hand-off fills
     * and then refuses, for every spool of the node (the publisher sends again); nothing counts as kept before it is
     * written, and once the writer runs every frame taken is in the recording.
     */
    @Test
    void aFullHandOffRefusesInsteadOfWaiting(@TempDir Path dir) throws Exception {
        List<Runnable> held = new ArrayList<>();
        List<byte[]> rows = SimRows.ROWS.subList(0, 100);
        List<byte[]> frames = frames(rows);
        long sixty = frames.subList(0, 60).stream().mapToLong(f -> f.length).sum();
        Spool.HandOff handOff = new Spool.HandOff(held::add, sixty);
        Spool spool = new Spool(dir, 1, "car1", Long.MAX_VALUE, () -> { }, handOff);
        int taken = 0;
        while (taken < frames.size() && spool.append(taken + 1, frames.get(taken))) {
            taken++;
        }
        AtomicLong kept = new AtomicLong();
        spool.whenKept(() -> kept.set(60));

        assertEquals(60, taken, "the frame past the hand-off is refused");
        assertFalse(new Spool(dir, 1, "car2", Long.MAX_VALUE, () -> { }, handOff).append(1, frames.get(0)),
                "another session's too");
        assertEquals(0, kept.get(), "nothing is kept before the writer wrote it");
        assertEquals(1, held.size(), "one writer task for the whole hand-off");

        held.get(0).run();
        assertEquals(60, kept.get());
        assertTrue(spool.append(61, frames.get(60)), "room again");
        held.get(1).run();
        Path ibt = spool.finish(SimRows.SCHEMA, 60, SimRows.YAML);
        SimRows.assertStored(ibt, rows.subList(0, 61));
    }

    private static void append(Spool spool, List<byte[]> rows) throws Exception {
        List<byte[]> frames = frames(rows);
        for (int i = 0; i < frames.size(); i++) {
            spool.append(i + 1, frames.get(i));
        }
    }

    /** The rows as FRAME messages 1, 2, ... */
    private static List<byte[]> frames(List<byte[]> rows) throws Exception {
        FrameEncoder encoder = new FrameEncoder(SimRows.SCHEMA);
        List<byte[]> frames = new ArrayList<>();
        for (byte[] row : rows) {
            byte[] frame = encoder.encode(row);
            frames.add(LiveProtocol.frame(frames.size() + 1, frame, 0, frame.length));
        }
        return frames;
    }
}
