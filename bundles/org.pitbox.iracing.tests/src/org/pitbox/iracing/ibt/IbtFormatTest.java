package org.pitbox.iracing.ibt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.iracing.testdata.SharedData;

class IbtFormatTest {
    private static final String SMALL = "ibt/florendg_test.ibt";

    @Test
    void garbageHeaderIsRejected() {
        Path p = SharedData.iracing("invalid/teamjorge_invalid_test_file.ibt");
        IbtFormatException e = assertThrows(IbtFormatException.class, () -> IbtFile.open(p));
        assertEquals("not an iRacing telemetry file: header version 1635021600 (expected 1 or 2)", e.getMessage());
    }

    @Test
    void fragmentIsRejected() {
        Path p = SharedData.iracing("invalid/florendg_varheader.ibt");
        IbtFormatException e = assertThrows(IbtFormatException.class, () -> IbtFile.open(p));
        assertTrue(e.getMessage().startsWith("not an iRacing telemetry file: header version "), e.getMessage());
    }

    @Test
    void shortFileNamesItsSize(@TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("short.ibt");
        Files.write(p, Arrays.copyOf(Files.readAllBytes(SharedData.iracing(SMALL)), 100));
        IbtFormatException e = assertThrows(IbtFormatException.class, () -> IbtFile.open(p));
        assertEquals("file is truncated: 100 bytes, the header alone needs 144", e.getMessage());
    }

    @Test
    void aNamedFileThatIsNoIbtGetsOneLineNamingIt(@TempDir Path tmp) throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.ibt"));
        assertEquals(empty + " is not a readable .ibt file (file is truncated: 0 bytes, the header alone needs 144);"
                + " give a complete .ibt file recorded by iRacing",
                assertThrows(IbtFormatException.class, () -> IbtFile.openNamed(empty)).getMessage());
        assertEquals(tmp + " is a directory; give an .ibt file",
                assertThrows(IOException.class, () -> IbtFile.openNamed(tmp)).getMessage());
        Path missing = tmp.resolve("missing.ibt");
        assertEquals("no such file: " + missing,
                assertThrows(IOException.class, () -> IbtFile.openNamed(missing)).getMessage());
        try (IbtFile ibt = IbtFile.openNamed(SharedData.iracing(SMALL))) {
            assertEquals(23, ibt.recordCount());
        }
    }

    @Test
    void absurdHeadersAreNamed() throws IOException {
        byte[] good = Files.readAllBytes(SharedData.iracing(SMALL));
        assertMessage(good, b -> b.putInt(24, 1 << 30), "variable count 1073741824 is outside 0..100000");
        assertMessage(good, b -> b.putInt(24, 90_000), "90000 var headers at offset 144 end at byte 12960144,"
                + " outside the 74179-byte image");
        assertMessage(good, b -> b.putInt(36, 0), "row length (bufLen) 0 is not positive");
        assertMessage(good, b -> b.putInt(36, -5), "row length (bufLen) -5 is not positive");
        assertMessage(good, b -> b.putInt(32, 7), "buffer count (numBuf) 7 is outside 1..4");
        assertMessage(good, b -> b.putInt(20, 1 << 30), "session info (13025 bytes at offset 1073741824) lies"
                + " outside the 74179-byte image");
        assertMessage(good, b -> b.putInt(16, -1), "session info (-1 bytes at offset 38016) lies outside the"
                + " 74179-byte image");
        assertMessage(good, b -> b.putInt(52, 80_000), "row data offset 80000 lies outside the 74179-byte file");
        assertMessage(good, b -> b.putInt(8, 0), "tick rate 0 is not positive");
        int speed = indexOf(good, "Speed");
        int at = 144 + 144 * speed;
        assertMessage(good, b -> b.putInt(at + 4, 1004), "var header " + speed + " 'Speed' ends at byte 1008,"
                + " beyond the row length 1006");
        assertMessage(good, b -> b.putInt(at + 8, 200), "var header " + speed + " 'Speed' ends at byte "
                + (offsetOf(good, speed) + 800) + ", beyond the row length 1006");
        assertMessage(good, b -> b.putInt(at, 9), "var header " + speed + " 'Speed' has unknown type code 9");
        assertMessage(good, b -> b.putInt(at + 8, 0), "var header " + speed + " 'Speed' has element count 0");
        assertMessage(good, b -> b.putInt(at + 4, -4), "var header " + speed + " 'Speed' has negative offset -4");
    }

    private interface Edit {
        void apply(ByteBuffer b);
    }

    private static void assertMessage(byte[] good, Edit edit, String expected) {
        byte[] bad = good.clone();
        edit.apply(ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN));
        IbtFormatException e = assertThrows(IbtFormatException.class, () -> IbtFile.read(ByteBuffer.wrap(bad)));
        assertEquals(expected, e.getMessage());
    }

    private static int indexOf(byte[] file, String name) throws IOException {
        try (IbtFile f = IbtFile.read(ByteBuffer.wrap(file))) {
            return f.layout().channels().indexOf(f.layout().require(name));
        }
    }

    private static int offsetOf(byte[] file, int var) {
        return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(144 + 144 * var + 4);
    }

    @Test
    void fuzzedFilesOpenOrFailCleanly(@TempDir Path tmp) throws IOException {
        byte[] small = Files.readAllBytes(SharedData.iracing(SMALL));
        byte[] old = Files.readAllBytes(SharedData.iracing("ibt/robroberts_sk.ibt"));
        Path file = tmp.resolve("fuzz.ibt");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Random rnd = new Random(20240624L);
            int valid = 0;
            int rejected = 0;
            for (byte[] src : new byte[][] {small, old}) {
                for (int len = 0; len < src.length; len += 1 + len / 3 + rnd.nextInt(64)) {
                    if (tryOpen(Arrays.copyOf(src, len))) {
                        valid++;
                    } else {
                        rejected++;
                    }
                }
                int headers = 144 + 144 * 40;
                for (int i = 0; i < 300; i++) {
                    byte[] b = src.clone();
                    for (int flips = 1 + rnd.nextInt(4); flips > 0; flips--) {
                        int at = rnd.nextInt(4) == 0 ? rnd.nextInt(144) : rnd.nextInt(headers);
                        b[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : b[at] ^ (1 << rnd.nextInt(8)));
                    }
                    if (tryOpen(b)) {
                        valid++;
                    } else {
                        rejected++;
                    }
                }
            }
            for (int len : new int[] {0, 1, 143, 144, 5000}) {
                Files.write(file, Arrays.copyOf(small, len));
                assertThrows(IbtFormatException.class, () -> IbtFile.open(file));
            }
            assertTrue(valid > 10 && rejected > 100, valid + " valid, " + rejected + " rejected");
        });
    }

    /** Opens the bytes and, when valid, touches every channel; only IbtFormatException may escape. */
    private static boolean tryOpen(byte[] bytes) {
        try (IbtFile f = IbtFile.read(ByteBuffer.wrap(bytes))) {
            double sum = 0;
            for (ChannelDescriptor c : f.layout().channels()) {
                double[] col = f.column(c, c.count() - 1);
                sum += col.length;
            }
            f.sessionInfoYaml().length();
            return sum >= 0;
        } catch (IbtFormatException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return false;
        } catch (Exception | Error e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }
}
