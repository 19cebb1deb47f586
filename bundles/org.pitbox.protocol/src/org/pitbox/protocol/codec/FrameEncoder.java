package org.pitbox.protocol.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Live encoder: one self-delimiting frame per row, coded against the rows before it.
 * <p>
 * Frame layout: a little-endian u16 whose top bit marks a keyframe and whose low 15 bits are
 * the sequence number; a keyframe continues with the version byte and the schema fingerprint
 * (int32 LE) and resets the model. Then the varint length of the range-coded row, and that row.
 * Not thread-safe.
 */
public final class FrameEncoder {
    public static final int VERSION = 1;
    public static final int DEFAULT_KEYFRAME_INTERVAL = 600;
    static final int KEY_FLAG = 0x8000;
    static final int SEQ_MASK = 0x7FFF;

    private final FrameSchema schema;
    private final RowModel model;
    private final RangeEncoder rc = new RangeEncoder();
    private final int keyframeInterval;
    private int seq;
    private int sinceKeyframe;
    private boolean keyframeRequested = true;

    public FrameEncoder(FrameSchema schema) {
        this(schema, DEFAULT_KEYFRAME_INTERVAL);
    }

    /** @param keyframeInterval a keyframe at least every this many frames (1..32767) */
    public FrameEncoder(FrameSchema schema, int keyframeInterval) {
        if (keyframeInterval < 1 || keyframeInterval > SEQ_MASK) {
            throw new IllegalArgumentException("keyframe interval out of range: " + keyframeInterval);
        }
        this.schema = schema;
        this.model = new RowModel(schema);
        this.keyframeInterval = keyframeInterval;
    }

    public FrameSchema schema() {
        return schema;
    }

    /** Makes the next frame a keyframe (e.g. after a receiver reported a gap). */
    public void requestKeyframe() {
        keyframeRequested = true;
    }

    /** Upper bound of one encoded frame, for sizing the buffer given to {@link #encode(byte[], ByteBuffer)}. */
    public int maxFrameSize() {
        return maxFrameSize(schema);
    }

    static int maxFrameSize(FrameSchema schema) {
        return 32 + 11 * schema.rowLength(); // a modelled bit costs at most ~12.2 bits, a byte element ~78
    }

    /** Encodes one row (schema row length) into a new array. */
    public byte[] encode(byte[] row) {
        ByteBuffer out = ByteBuffer.allocate(maxFrameSize());
        encode(row, out);
        return Arrays.copyOf(out.array(), out.position());
    }

    /**
     * Encodes one row into out without allocating; returns the frame length.
     * @throws java.nio.BufferOverflowException if out has less than {@link #maxFrameSize()} left
     */
    public int encode(byte[] row, ByteBuffer out) {
        if (row.length != schema.rowLength()) {
            throw new IllegalArgumentException("row length " + row.length + " != " + schema.rowLength());
        }
        int start = out.position();
        boolean key = keyframeRequested || sinceKeyframe >= keyframeInterval;
        seq = (seq + 1) & SEQ_MASK;
        int header = seq | (key ? KEY_FLAG : 0);
        out.put((byte) header).put((byte) (header >>> 8));
        if (key) {
            out.put((byte) VERSION);
            Bytes.putIntLE(out, schema.fingerprint());
            model.reset();
            keyframeRequested = false;
            sinceKeyframe = 0;
        }
        sinceKeyframe++;
        rc.start();
        model.encode(rc, row, 0);
        rc.finish();
        Bytes.putVarint(out, rc.size());
        out.put(rc.buffer(), 0, rc.size());
        return out.position() - start;
    }
}
