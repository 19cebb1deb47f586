package org.pitbox.server.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.iracing.ibt.SimulatedIbt;

/**
 * A packed upload is unpacked while its chunks arrive, in any order; a raw or damaged one is left to completion, and
 * a dropped check leaves no file behind.
 */
class EarlyCheckTest {
    private static final int CHUNK = 16 * 1024;

    @TempDir
    Path dir;

    @Test
    void unpacksThePackedChunksAsTheyArriveInAnyOrder() throws IOException {
        Path ibt = simulated();
        byte[] packed = packed(ibt);
        FileStore store = new FileStore(dir.resolve("data"));
        EarlyCheck early = new EarlyCheck(store, dir, Long.MAX_VALUE, 1);
        int count = put(store, early, 1, packed, true);
        assertEquals(count, store.received(1).size());
        EarlyCheck.Result r = early.finish(1);
        assertNotNull(r);
        assertEquals(IbtPack.sha256(ibt), r.sha256());
        assertEquals(-1, Files.mismatch(ibt, r.file()));
    }

    @Test
    void leavesRawAndDamagedUploadsToCompletion() throws IOException {
        Path ibt = simulated();
        FileStore store = new FileStore(dir.resolve("data"));
        EarlyCheck early = new EarlyCheck(store, dir, Long.MAX_VALUE, 2);
        put(store, early, 1, Files.readAllBytes(ibt), false);
        assertNull(early.finish(1), "a raw upload");
        byte[] damaged = packed(ibt);
        Arrays.fill(damaged, damaged.length / 2, damaged.length / 2 + 64, (byte) 0x55);
        put(store, early, 2, damaged, false);
        assertNull(early.finish(2), "a damaged one");
        assertNull(early.finish(3), "an upload without a check");
        assertFalse(Files.exists(dir.resolve("1.ibt.early")) || Files.exists(dir.resolve("2.ibt.early")));
    }

    @Test
    void aDroppedCheckStopsAndLeavesNoFile() throws IOException {
        byte[] packed = packed(simulated());
        FileStore store = new FileStore(dir.resolve("data"));
        EarlyCheck early = new EarlyCheck(store, dir, Long.MAX_VALUE, 1);
        int count = (packed.length + CHUNK - 1) / CHUNK;
        for (int n = 0; n < count / 2; n++) { // the rest never comes
            store.putChunk(7, n, Arrays.copyOfRange(packed, n * CHUNK, Math.min(packed.length, (n + 1) * CHUNK)));
            early.arrived(7, n, count);
        }
        early.drop(7);
        assertFalse(Files.exists(dir.resolve("7.ibt.early")));
        assertNull(early.finish(7));
    }

    /** Stores the chunks of {@code bytes} as upload {@code id}, the odd ones first when {@code shuffled}. */
    private static int put(FileStore store, EarlyCheck early, long id, byte[] bytes, boolean shuffled)
            throws IOException {
        int count = (bytes.length + CHUNK - 1) / CHUNK;
        for (int pass = shuffled ? 1 : 0; pass >= 0; pass--) {
            for (int n = 0; n < count; n++) {
                if (!shuffled || n % 2 == pass) {
                    store.putChunk(id, n, Arrays.copyOfRange(bytes, n * CHUNK, Math.min(bytes.length,
                            (n + 1) * CHUNK)));
                    early.arrived(id, n, count);
                }
            }
        }
        return count;
    }

    private Path simulated() throws IOException {
        Path file = dir.resolve("sim.ibt");
        if (!Files.exists(file)) {
            SimulatedIbt.write(SimOptions.defaults().withLaps(1), file, 1_746_000_000L);
        }
        return file;
    }

    private static byte[] packed(Path ibt) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IbtPack.pack(ibt, out);
        return out.toByteArray();
    }
}
