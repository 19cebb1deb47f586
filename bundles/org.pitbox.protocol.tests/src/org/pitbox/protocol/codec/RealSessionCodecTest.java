package org.pitbox.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Round trips and compression ratios on the real .ibt sessions (skipped when they are absent). */
class RealSessionCodecTest {
    /** The means codec version 5 (live) and 4 (stored) reach, rounded up: a change that loses compression fails here. */
    private static final double LIVE_BOUND = 17.95;
    private static final double STORED_BOUND = 16.85;

    @Test
    void everyFileRoundTripsBitExactWithinTheRatioBounds() throws Exception {
        List<Path> files = IbtSample.files();
        Assumptions.assumeTrue(!files.isEmpty(),
                "no .ibt files: set -Dpitbox.shared=DIR or provide shared/data/iracing/ibt above user.dir");
        double liveSum = 0;
        double storedSum = 0;
        for (Path file : files) {
            IbtSample s = IbtSample.read(file);
            long raw = (long) s.rowCount() * s.schema().rowLength();
            double live = 100.0 * live(s) / raw;
            double stored = 100.0 * stored(s) / raw;
            System.out.printf("codec ratio %-64s live %5.1f %%  stored %5.1f %%%n", s.name(), live, stored);
            liveSum += live;
            storedSum += stored;
        }
        double liveMean = liveSum / files.size();
        double storedMean = storedSum / files.size();
        System.out.printf("codec ratio mean over %d files: live %.2f %%  stored %.2f %%%n", files.size(), liveMean, storedMean);
        assertTrue(liveMean <= LIVE_BOUND, "live mean " + liveMean + " % > " + LIVE_BOUND + " %");
        assertTrue(storedMean <= STORED_BOUND, "stored mean " + storedMean + " % > " + STORED_BOUND + " %");
    }

    private static long live(IbtSample s) throws CodecException {
        FrameEncoder encoder = new FrameEncoder(s.schema());
        FrameDecoder decoder = new FrameDecoder(s.schema());
        ByteBuffer buf = ByteBuffer.allocate(encoder.maxFrameSize());
        byte[] out = new byte[s.schema().rowLength()];
        long total = 0;
        for (int r = 0; r < s.rowCount(); r++) {
            byte[] row = s.row(r);
            buf.clear();
            total += encoder.encode(row, buf);
            buf.flip();
            assertTrue(decoder.decode(r + 1, buf, out), "frame " + r + " skipped");
            assertArrayEquals(row, out, () -> "live row differs in " + s.name());
        }
        return total;
    }

    private static long stored(IbtSample s) throws CodecException {
        int len = s.schema().rowLength();
        BatchEncoder encoder = new BatchEncoder(s.schema());
        BatchDecoder decoder = new BatchDecoder(s.schema());
        long total = 0;
        for (int r = 0; r < s.rowCount(); r += BatchEncoder.DEFAULT_BATCH_ROWS) {
            int n = Math.min(BatchEncoder.DEFAULT_BATCH_ROWS, s.rowCount() - r);
            byte[] batch = encoder.encode(s.rows(), r * len, n);
            total += batch.length;
            assertArrayEquals(Arrays.copyOfRange(s.rows(), r * len, (r + n) * len), decoder.decode(batch),
                    () -> "stored rows differ in " + s.name());
        }
        return total;
    }

    /** Keeps the helper honest about the .ibt layout it relies on. */
    @Test
    void readerFindsPlausibleRows() throws IOException {
        List<Path> files = IbtSample.files();
        Assumptions.assumeTrue(!files.isEmpty(), "no .ibt files");
        IbtSample s = IbtSample.read(files.get(0));
        assertTrue(s.rowCount() > 0 && s.schema().channels().size() > 10);
        assertTrue(s.schema().channels().stream().anyMatch(c -> c.name().equals("SessionTime")));
    }
}
