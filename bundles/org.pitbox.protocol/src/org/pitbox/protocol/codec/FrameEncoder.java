package org.pitbox.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Live encoder: one self-delimiting frame per row, coded against the rows before it.
 * <p>
 * Frame layout: a flags byte whose top bit marks a keyframe (the other bits are 0); a keyframe continues
 * with the version byte, the schema fingerprint (int32 LE) and (from version 3) a {@link BatchPlan}, and resets
 * the model to that plan. Then the varint length of the range-coded row, and that row. A frame carries no
 * sequence number: whoever carries the frames numbers them (the live protocol's {@code seq}) and gives that
 * number to the {@link FrameDecoder}.
 * <p>
 * The plan is chosen from the rows since the last keyframe (at most 600): at a keyframe that has more of them
 * than the last choice had, or 5 minutes of rows (at 60 Hz) after it; other keyframes repeat it. So that a
 * session need not wait for its second interval, the first keyframe is followed by another after
 * {@value #FIRST_PLAN_ROWS} rows.
 * Not thread-safe.
 */
public final class FrameEncoder {
    public static final int VERSION = 4;
    public static final int DEFAULT_KEYFRAME_INTERVAL = 600;
    static final int KEY_FLAG = 0x80;
    private static final int HISTORY_ROWS = 600;
    private static final int CHOOSE_EVERY = 18000;
    /** The session's second keyframe is its frame {@code FIRST_PLAN_ROWS + 1}, with a plan chosen from real rows. */
    public static final int FIRST_PLAN_ROWS = 30;

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
        boolean key = keyframeRequested || sinceKeyframe >= keyframeInterval || chosenFrom == 0
                && sinceKeyframe == FIRST_PLAN_ROWS;
        out.put((byte) (key ? KEY_FLAG : 0));
        if (key) {
            out.put((byte) VERSION);
            Bytes.putIntLE(out, schema.fingerprint());
            keyframe();
            out.put(plan);
        }
        if (sinceKeyframe * row.length < history.length) {
            System.arraycopy(row, 0, history, sinceKeyframe * row.length, row.length);
        }
        sinceKeyframe++;
        sinceChoice++;
        rc.start(VERSION);
        model.encode(rc, row, 0);
        rc.finish();
        Bytes.putVarint(out, rc.size());
        out.put(rc.buffer(), 0, rc.size());
        return out.position() - start;
    }

    /** Resets the model to the plan, chosen again from the rows since the last keyframe when that is due. */
    private void keyframe() {
        int len = schema.rowLength();
        int rows = len == 0 ? 0 : Math.min(sinceKeyframe, history.length / len);
        model.reset(VERSION);
        if (rows > chosenFrom || sinceChoice >= CHOOSE_EVERY) {
            BatchPlan.choose(model, history, 0, rows, len);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BatchPlan.write(model, bytes);
            plan = bytes.toByteArray();
            chosenFrom = rows;
            sinceChoice = 0;
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
}
