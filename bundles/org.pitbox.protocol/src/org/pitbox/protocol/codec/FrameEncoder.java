package org.pitbox.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Live encoder: one frame per row, coded against the rows before it.
 * <p>
 * Frame layout (version 5): a keyframe starts with a flags byte 0x80 (bit 7 marks a keyframe), the version byte,
 * the schema fingerprint (int32 LE) and a {@link BatchPlan}, and resets the model to that plan; then, in every
 * frame, the range-coded row, which runs to the end of the frame (its message): a frame is not self-delimiting.
 * The code starts with a 0 bit at probability 1/2, so a delta frame's first byte is below 0x80, and then a
 * modelled bit saying whether a new plan follows (its varint length and bytes, 8 bits each) before the row. A code
 * is at least 2 bytes (zeros added). Versions 2 to 4 had a flags byte 0 on delta frames and the code's varint length
 * before it. A frame carries no sequence number: whoever carries the frames numbers them (the live protocol's
 * {@code seq}) and gives that number to the {@link FrameDecoder}.
 * <p>
 * The plan is chosen from the rows since the last keyframe (at most 600): in the frame after the session's first
 * {@value #FIRST_PLAN_ROWS} rows, then each time those rows have doubled, in a delta frame (the model keeps its
 * history and statistics); at a keyframe that has more of them than the last choice had, or 5 minutes of rows (at
 * 60 Hz) after it. Other keyframes repeat it.
 * Not thread-safe.
 */
public final class FrameEncoder {
    public static final int VERSION = 5;
    public static final int DEFAULT_KEYFRAME_INTERVAL = 600;
    static final int KEY_FLAG = 0x80;
    private static final int HISTORY_ROWS = 600;
    private static final int CHOOSE_EVERY = 18000;
    /** The session's first plan, chosen from real rows, comes in its frame {@code FIRST_PLAN_ROWS + 1}. */
    static final int FIRST_PLAN_ROWS = 30;
    /** A frame's code is at least this long, so a FRAME message is never shorter than the relay expects. */
    static final int MIN_CODE = 2;

    private final FrameSchema schema;
    private final RowModel model;
    private final RangeEncoder rc = new RangeEncoder();
    private final int keyframeInterval;
    private final byte[] history;
    private byte[] plan = {0};
    private int chosenFrom;
    private int sinceChoice;
    private int sinceKeyframe;
    private boolean keyframeRequested = true;
    private final int[] update = {RangeEncoder.INIT};

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
        this.history = new byte[Math.min(keyframeInterval, HISTORY_ROWS) * schema.rowLength()];
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
        // a modelled bit costs at most ~12.2 bits, a byte element ~78; a plan entry at most 11 bytes per 4 row bytes
        return 40 + 14 * schema.rowLength();
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
        if (key) {
            out.put((byte) KEY_FLAG);
            out.put((byte) VERSION);
            Bytes.putIntLE(out, schema.fingerprint());
            keyframe();
            out.put(plan);
        }
        rc.start(VERSION);
        rc.encodeDirect(0, 1);
        boolean replan = !key && sinceKeyframe == Math.max(FIRST_PLAN_ROWS, 2 * chosenFrom)
                && sinceKeyframe * row.length <= history.length;
        rc.encodeBit(update, 0, replan ? 1 : 0);
        if (replan) {
            model.clearPlan();
            choose(sinceKeyframe);
            encodeByte(plan.length);
            for (byte b : plan) {
                rc.encodeDirect(b, 8);
            }
        }
        if (sinceKeyframe * row.length < history.length) {
            System.arraycopy(row, 0, history, sinceKeyframe * row.length, row.length);
        }
        sinceKeyframe++;
        sinceChoice++;
        model.encode(rc, row, 0);
        rc.finish();
        out.put(rc.buffer(), 0, rc.size());
        for (int i = rc.size(); i < MIN_CODE; i++) {
            out.put((byte) 0);
        }
        return out.position() - start;
    }

    /** A varint into the range code, 8 bits a byte. */
    private void encodeByte(int value) {
        while ((value & ~0x7F) != 0) {
            rc.encodeDirect((value & 0x7F) | 0x80, 8);
            value >>>= 7;
        }
        rc.encodeDirect(value, 8);
    }

    /** Resets the model to the plan, chosen again from the rows since the last keyframe when that is due. */
    private void keyframe() {
        int len = schema.rowLength();
        int rows = len == 0 ? 0 : Math.min(sinceKeyframe, history.length / len);
        model.reset(VERSION);
        update[0] = RangeEncoder.INIT;
        if (rows > chosenFrom || sinceChoice >= CHOOSE_EVERY) {
            choose(rows);
        } else {
            try {
                BatchPlan.read(model, ByteBuffer.wrap(plan), VERSION);
            } catch (CodecException e) {
                throw new IllegalStateException(e);
            }
        }
        keyframeRequested = false;
        sinceKeyframe = 0;
    }

    /** Chooses the model's plan from the first rows of the history. */
    private void choose(int rows) {
        int len = schema.rowLength();
        BatchPlan.choose(model, history, 0, rows, len);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BatchPlan.write(model, bytes);
        plan = bytes.toByteArray();
        chosenFrom = rows;
        sinceChoice = 0;
    }
}
