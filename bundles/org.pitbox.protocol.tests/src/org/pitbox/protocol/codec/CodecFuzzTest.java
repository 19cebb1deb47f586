package org.pitbox.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Corrupt input must end in a CodecException or a (garbage) row: never another exception, OOM or hang. */
class CodecFuzzTest {
    private static final FrameSchema SCHEMA = FrameCodecTest.SCHEMA;

    @Test
    void truncatedFramesAndBatchesAreRejected() {
        List<byte[]> rows = FrameCodecTest.rows(300, 7);
        byte[] key = new FrameEncoder(SCHEMA).encode(rows.get(0));
        for (int n = 0; n < 7; n++) { // flags, version, fingerprint and an empty plan; the code runs to the end
            byte[] cut = Arrays.copyOf(key, n);
            assertThrows(CodecException.class,
                    () -> new FrameDecoder(SCHEMA).decode(1, cut, new byte[SCHEMA.rowLength()]));
        }
        byte[] batch = batch(rows);
        for (int n = 0; n < batch.length; n++) {
            byte[] cut = Arrays.copyOf(batch, n);
            assertThrows(CodecException.class, () -> new BatchDecoder(SCHEMA).decode(cut));
        }
    }

    @Test
    void unknownBatchVersionIsRejected() {
        byte[] batch = batch(FrameCodecTest.rows(10, 8));
        batch[0] = BatchEncoder.VERSION + 1;
        assertThrows(CodecException.class, () -> new BatchDecoder(SCHEMA).decode(batch));
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random random = new Random(42);
            List<byte[]> rows = FrameCodecTest.rows(300, 9);
            List<byte[]> frames = new ArrayList<>();
            FrameEncoder encoder = new FrameEncoder(SCHEMA, 50);
            rows.forEach(r -> frames.add(encoder.encode(r)));
            byte[] batch = batch(rows);
            byte[] schema = SCHEMA.toBytes();
            byte[] out = new byte[SCHEMA.rowLength()];
            for (int round = 0; round < 3000; round++) {
                FrameDecoder decoder = new FrameDecoder(SCHEMA);
                for (int i = 0; i < frames.size(); i++) {
                    byte[] frame = mutate(frames.get(i), random);
                    long seq = i + 1;
                    decodeQuietly(() -> decoder.decode(seq, frame, out));
                }
                decodeQuietly(() -> new BatchDecoder(SCHEMA).decode(mutate(batch, random)));
                decodeQuietly(() -> FrameSchema.fromBytes(mutate(schema, random)));
                byte[] noise = new byte[random.nextInt(64)];
                random.nextBytes(noise);
                decodeQuietly(() -> new FrameDecoder(SCHEMA).decode(1, noise, out));
                decodeQuietly(() -> new BatchDecoder(SCHEMA).decode(noise));
                decodeQuietly(() -> FrameSchema.fromBytes(noise));
            }
        });
    }

    private static byte[] batch(List<byte[]> rows) {
        byte[] flat = new byte[rows.size() * SCHEMA.rowLength()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * SCHEMA.rowLength(), SCHEMA.rowLength());
        }
        return new BatchEncoder(SCHEMA).encode(flat, 0, rows.size());
    }

    private static byte[] mutate(byte[] data, Random random) {
        byte[] copy = Arrays.copyOf(data, random.nextInt(8) == 0 ? random.nextInt(data.length + 8) : data.length);
        for (int i = random.nextInt(4); i >= 0 && copy.length > 0; i--) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private interface Decoding {
        void run() throws CodecException;
    }

    private static void decodeQuietly(Decoding decoding) {
        try {
            decoding.run();
        } catch (CodecException expected) {
            // rejected cleanly
        }
    }
}
