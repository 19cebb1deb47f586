package org.pitbox.protocol.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Live encoder: one self-delimiting frame per row, coded against the rows before it.
 * <p>
 * Frame layout: a flags byte whose top bit marks a keyframe (the other bits are 0); a keyframe continues
 * with the version byte and the schema fingerprint (int32 LE) and resets the model. Then the varint length
 * of the range-coded row, and that row. A frame carries no sequence number: whoever carries the frames
 * numbers them (the live protocol's {@code seq}) and gives that number to the {@link FrameDecoder}.
 * Not thread-safe.
 */
public final class FrameEncoder {
    public static final int VERSION = 2;
    public static final int DEFAULT_KEYFRAME_INTERVAL = 600;
    static final int KEY_FLAG = 0x80;

    private final FrameSchema schema;
    private final RowModel model;
    private final RangeEncoder rc = new RangeEncoder();
    private final int keyframeInterval;
    private int sinceKeyframe;
    private boolean keyframeRequested = true;

    public FrameEncoder(FrameSchema schema) {
        this(schema, DEFAULT_KEYFRAME_INTERVAL);
    }

    /** @param keyframeInterval a keyframe at least every this many frames (1 or more) */
    public FrameEncoder(FrameSchema schema, int keyframeInterval) {
        if (keyframeInterval < 1) {
            throw new IllegalArgumentException("keyframe interval out of range: " + keyframeInterval);
        }
        this.schema = schema;
        this.model = new RowModel(schema);
        this.keyframeInterval = keyframeInterval;
    }

    public FrameSchema schema() {
        return schema;
    }

    /** True if the frame starting at offset is a keyframe (decodable without the frames before it). */
    public static boolean isKeyframe(byte[] data, int offset) {
        return offset < data.length && isKeyframe(data[offset]);
    }

    static boolean isKeyframe(int flags) {
        return (flags & KEY_FLAG) != 0;
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
        out.put((byte) (key ? KEY_FLAG : 0));
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
