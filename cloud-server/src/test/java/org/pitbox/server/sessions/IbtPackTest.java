package org.pitbox.server.sessions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.PackedFile;
import org.pitbox.server.api.RealIbts;

/**
 * The stored form gives every real recording back byte for byte; prints, per file, the stored bytes as a share of
 * the .ibt and of its raw telemetry rows. A damaged stored form fails with a clear IOException, and a session
 * stored raw (before the packed form) reads back as it is.
 */
class IbtPackTest {
    @Test
    void everyRealRecordingUnpacksByteEqual() throws IOException {
        long ibtTotal = 0;
        long rowTotal = 0;
        long storedTotal = 0;
        for (Path file : RealIbts.all()) {
            byte[] ibt = Files.readAllBytes(file);
            byte[] stored = pack(file);
            assertArrayEquals(ibt, unpack(stored), file.toString());
            long rows;
            try (IbtFile f = IbtFile.open(file)) {
                rows = (long) f.recordCount() * f.header().bufLen();
            }
            System.out.printf(Locale.ROOT, "stored %-62s %9d of %9d bytes: %5.1f %% of the .ibt, %5.1f %% of its"
                    + " raw rows%n", file.getFileName(), stored.length, ibt.length, 100.0 * stored.length / ibt.length,
                    100.0 * stored.length / rows);
            ibtTotal += ibt.length;
            rowTotal += rows;
            storedTotal += stored.length;
        }
        System.out.printf(Locale.ROOT, "stored all real recordings: %d of %d bytes: %.1f %% of the .ibt files, %.1f %%"
                + " of their raw rows%n", storedTotal, ibtTotal, 100.0 * storedTotal / ibtTotal,
                100.0 * storedTotal / rowTotal);
        assertTrue(storedTotal < ibtTotal / 2, "packing saves space");
    }

    @Test
    void aDamagedStoredFormFailsClearly() throws IOException {
        Path file = RealIbts.all().get(0);
        byte[] stored = pack(file);
        IOException cut = assertThrows(IOException.class, () -> unpack(Arrays.copyOf(stored, stored.length / 2)));
        assertTrue(cut.getMessage().startsWith("damaged packed file"), cut.getMessage());
        byte[] flipped = stored.clone();
        flipped[stored.length * 3 / 4] ^= 0x55;
        IOException changed = assertThrows(IOException.class, () -> unpack(flipped));
        assertTrue(changed.getMessage().startsWith("damaged packed file"), changed.getMessage());
    }

    @Test
    void aSessionStoredRawReadsBackAsItIs() throws IOException {
        byte[] ibt = Files.readAllBytes(RealIbts.all().get(0));
        assertArrayEquals(ibt, unpack(ibt));
        assertEquals(0, unpack(new byte[0]).length);
    }

    @Test
    void unpackingStopsAtTheLimit() throws IOException {
        Path file = RealIbts.all().get(0);
        byte[] stored = pack(file);
        long size = Files.size(file);
        assertEquals(size, PackedFile.unpack(new ByteArrayInputStream(stored), new ByteArrayOutputStream(), size));
        IOException beyond = assertThrows(IOException.class, () -> PackedFile.unpack(new ByteArrayInputStream(stored),
                new ByteArrayOutputStream(), size - 1));
        assertEquals("the packed file unpacks to more than " + (size - 1) + " bytes", beyond.getMessage());
    }

    private byte[] pack(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IbtPack.pack(file, out);
        return out.toByteArray();
    }

    private static byte[] unpack(byte[] stored) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackedFile.unpack(new ByteArrayInputStream(stored), out, Long.MAX_VALUE);
        return out.toByteArray();
    }
}
