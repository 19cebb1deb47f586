package org.pitbox.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    /** Every type, an array, an overlapping alias and 3 padding bytes nobody describes. */
    static final FrameSchema SCHEMA = new FrameSchema(List.of(
            new ChannelSpec("SessionTime", ChannelSpec.DOUBLE, 1, 0),
            new ChannelSpec("Speed", ChannelSpec.FLOAT, 1, 8),
            new ChannelSpec("Gear", ChannelSpec.INT, 1, 12),
            new ChannelSpec("Flags", ChannelSpec.BITFIELD, 1, 16),
            new ChannelSpec("OnPitRoad", ChannelSpec.BOOL, 1, 20),
            new ChannelSpec("Tag", ChannelSpec.CHAR, 1, 21),
            new ChannelSpec("CarIdxLapDistPct", ChannelSpec.FLOAT, 4, 24),
            new ChannelSpec("SpeedAlias", ChannelSpec.FLOAT, 1, 8)), 43);

    /** Rows that drift smoothly, with NaN payloads, -0.0, infinities and random padding mixed in. */
    static List<byte[]> rows(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ByteBuffer b = ByteBuffer.allocate(SCHEMA.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
            b.putDouble(0, i / 60.0);
            float speed = switch (i % 50) {
                case 7 -> Float.intBitsToFloat(0x7FC0_1234);
                case 8 -> -0.0f;
                case 9 -> Float.NEGATIVE_INFINITY;
                case 10 -> Float.intBitsToFloat(0xFF80_0001);
                default -> 30 + (float) Math.sin(i / 20.0) * 10;
            };
            b.putFloat(8, speed);
            b.putInt(12, i / 100 % 6 - 1);
            b.putInt(16, i % 13 == 0 ? 0x8000_0004 : 4);
            b.put(20, (byte) (i / 90 % 2));
            b.put(21, (byte) (i % 256));
            for (int k = 0; k < 4; k++) {
                b.putFloat(24 + 4 * k, (i * 0.001f * (k + 1)) % 1f);
            }
            for (int p = 40; p < 43; p++) {
                b.put(p, (byte) (i % 7 == 0 ? random.nextInt() : 0));
            }
            rows.add(b.array());
        }
        return rows;
    }

    @Test
    void liveRoundTripIsBitExactIncludingSpecialFloats() throws CodecException {
        FrameEncoder encoder = new FrameEncoder(SCHEMA, 100);
        FrameDecoder decoder = new FrameDecoder(SCHEMA);
        byte[] out = new byte[SCHEMA.rowLength()];
        long seq = 0;
        for (byte[] row : rows(1000, 1)) {
            assertTrue(decoder.decode(++seq, encoder.encode(row), out));
            assertArrayEquals(row, out);
        }
    }

    @Test
    void aFrameRunsToTheEndOfItsBuffer() throws CodecException {
        FrameEncoder encoder = new FrameEncoder(SCHEMA);
        FrameDecoder decoder = new FrameDecoder(SCHEMA);
        List<byte[]> rows = rows(200, 2);
        ByteBuffer stream = ByteBuffer.allocate(rows.size() * encoder.maxFrameSize());
        List<Integer> ends = new ArrayList<>();
        for (byte[] row : rows) {
            int length = encoder.encode(row, stream);
            assertTrue(length >= 2);
            assertEquals(ends.isEmpty(), FrameEncoder.isKeyframe(stream.array(), stream.position() - length));
            ends.add(stream.position());
        }
        byte[] out = new byte[SCHEMA.rowLength()];
        long seq = 0;
        int at = 0;
        for (int i = 0; i < rows.size(); i++) {
            ByteBuffer frame = ByteBuffer.wrap(stream.array(), at, ends.get(i) - at);
            assertTrue(decoder.decode(++seq, frame, out));
            assertArrayEquals(rows.get(i), out);
            assertFalse(frame.hasRemaining());
            at = ends.get(i);
        }
    }

    @Test
    void aLateJoinerDecodesFromTheKeyframeAfterPlansSentInDeltaFrames() throws CodecException {
        FrameEncoder encoder = new FrameEncoder(SCHEMA, 200);
        FrameDecoder all = new FrameDecoder(SCHEMA);
        FrameDecoder late = new FrameDecoder(SCHEMA);
        List<byte[]> rows = rows(500, 10);
        byte[] out = new byte[SCHEMA.rowLength()];
        int decoded = 0;
        for (int i = 0; i < rows.size(); i++) {
            byte[] frame = encoder.encode(rows.get(i));
            assertEquals(i % 200 == 0, FrameEncoder.isKeyframe(frame, 0), "frame " + i);
            assertTrue(all.decode(i + 1, frame, out));
            assertArrayEquals(rows.get(i), out);
            if (i >= 150 && late.decode(i + 1, frame, out)) {
                assertArrayEquals(rows.get(i), out);
                decoded++;
            }
        }
        assertEquals(300, decoded);
    }

    @Test
    void droppedFrameIsDetectedAndTheNextKeyframeResyncs() throws CodecException {
        FrameEncoder encoder = new FrameEncoder(SCHEMA, 1000);
        FrameDecoder decoder = new FrameDecoder(SCHEMA);
        List<byte[]> rows = rows(20, 3);
        byte[] out = new byte[SCHEMA.rowLength()];
        for (int i = 0; i < 5; i++) {
            assertTrue(decoder.decode(i + 1, encoder.encode(rows.get(i)), out));
        }
        encoder.encode(rows.get(5)); // lost in transit
        assertFalse(decoder.decode(7, encoder.encode(rows.get(6)), out));
        assertTrue(decoder.needsKeyframe());
        assertFalse(decoder.decode(8, encoder.encode(rows.get(7)), out));
        encoder.requestKeyframe();
        for (int i = 8; i < 20; i++) {
            byte[] frame = encoder.encode(rows.get(i));
            assertEquals(i == 8, FrameEncoder.isKeyframe(frame, 0));
            assertTrue(decoder.decode(i + 1, frame, out));
            assertArrayEquals(rows.get(i), out);
        }
        assertFalse(decoder.needsKeyframe());
    }

    @Test
    void lateJoinerStartsAtThePeriodicKeyframe() throws CodecException {
        FrameEncoder encoder = new FrameEncoder(SCHEMA, 10);
        FrameDecoder late = new FrameDecoder(SCHEMA);
        List<byte[]> rows = rows(40, 4);
        byte[] out = new byte[SCHEMA.rowLength()];
        int decoded = 0;
        for (int i = 0; i < rows.size(); i++) {
            byte[] frame = encoder.encode(rows.get(i));
            if (i >= 13 && late.decode(i + 1, frame, out)) {
                assertArrayEquals(rows.get(i), out);
                decoded++;
            }
        }
        assertEquals(20, decoded); // from the keyframe at frame 20 on
    }

    @Test
    void keyframeForAnotherSchemaOrVersionIsRejected() {
        byte[] frame = new FrameEncoder(SCHEMA).encode(rows(1, 5).get(0));
        FrameSchema other = new FrameSchema(List.of(new ChannelSpec("X", ChannelSpec.INT, 1, 0)), SCHEMA.rowLength());
        assertThrows(CodecException.class, () -> new FrameDecoder(other).decode(1, frame, new byte[other.rowLength()]));
        frame[1] = FrameEncoder.VERSION + 1;
        CodecException e = assertThrows(CodecException.class,
                () -> new FrameDecoder(SCHEMA).decode(1, frame, new byte[SCHEMA.rowLength()]));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void unknownFlagsAreRejected() {
        byte[] frame = new FrameEncoder(SCHEMA).encode(rows(1, 5).get(0));
        frame[0] |= 0x01;
        CodecException e = assertThrows(CodecException.class,
                () -> new FrameDecoder(SCHEMA).decode(1, frame, new byte[SCHEMA.rowLength()]));
        assertTrue(e.getMessage().contains("flags"), e.getMessage());
    }

    @Test
    void batchRoundTripIsBitExact() throws CodecException {
        List<byte[]> rows = rows(700, 6);
        byte[] flat = new byte[rows.size() * SCHEMA.rowLength()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * SCHEMA.rowLength(), SCHEMA.rowLength());
        }
        byte[] batch = new BatchEncoder(SCHEMA).encode(flat, 0, rows.size());
        assertArrayEquals(flat, new BatchDecoder(SCHEMA).decode(batch));
        assertArrayEquals(new byte[0], new BatchDecoder(SCHEMA).decode(new BatchEncoder(SCHEMA).encode(flat, 0, 0)));
    }

    @Test
    void schemaSerialisesAndRejectsNonsense() throws CodecException {
        byte[] bytes = SCHEMA.toBytes();
        FrameSchema back = FrameSchema.fromBytes(bytes);
        assertEquals(SCHEMA, back);
        assertEquals(SCHEMA.channels(), back.channels());
        assertEquals(SCHEMA.fingerprint(), back.fingerprint());
        bytes[0] = 9;
        assertThrows(CodecException.class, () -> FrameSchema.fromBytes(bytes));
        assertThrows(CodecException.class, () -> FrameSchema.fromBytes(new byte[] {1, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, 0x0F}));
    }
}
