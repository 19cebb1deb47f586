package org.pitbox.protocol.codec;

import java.nio.ByteBuffer;

/**
 * Live decoder for {@link FrameEncoder} frames (of this version and of versions 2 to 4), given the sequence number
 * their carrier gave each frame (one up per frame). A frame of version 5 runs to the end of the buffer it is given;
 * older frames carry their length. After a gap in that number (or before the first keyframe)
 * delta frames are skipped until the next keyframe; see {@link #needsKeyframe()}. Not thread-safe.
 */
public final class FrameDecoder {
    private final FrameSchema schema;
    private final RowModel model;
    private final RangeDecoder rc = new RangeDecoder();
    private final int maxPayload;
    private final int[] update = {RangeEncoder.INIT};
    private int version = FrameEncoder.VERSION;
    private long lastSeq;
    private boolean synced;

    /** Whether frames of this format version decode here: this version's and versions 2 to 4. */
    public static boolean reads(int version) {
        return version >= 2 && version <= FrameEncoder.VERSION;
    }

    public FrameDecoder(FrameSchema schema) {
        this.schema = schema;
        this.model = new RowModel(schema);
        this.maxPayload = FrameEncoder.maxFrameSize(schema);
    }

    /** True until a keyframe arrives, and again after a gap or a rejected frame. */
    public boolean needsKeyframe() {
        return !synced;
    }

    /** Decodes a whole frame array; trailing bytes are an error. */
    public boolean decode(long seq, byte[] frame, byte[] row) throws CodecException {
        ByteBuffer in = ByteBuffer.wrap(frame);
        boolean decoded = decode(seq, in, row);
        if (in.hasRemaining()) {
            synced = false;
            throw new CodecException("trailing bytes after frame");
        }
        return decoded;
    }

    /**
     * Reads exactly one frame from in (advancing its position; a version 5 frame to in's limit) and writes the row
     * into row.
     * @param seq the frame's number: a delta frame decodes only right after the frame before it
     * @return true if row now holds the frame's row; false if the frame was skipped while waiting for a keyframe
     */
    public boolean decode(long seq, ByteBuffer in, byte[] row) throws CodecException {
        if (row.length != schema.rowLength()) {
            throw new IllegalArgumentException("row length " + row.length + " != " + schema.rowLength());
        }
        boolean ok = false;
        try {
            int flags = Bytes.getByte(in, "frame flags");
            boolean key = FrameEncoder.isKeyframe(flags);
            if (key) {
                if (flags != FrameEncoder.KEY_FLAG) {
                    throw new CodecException("unknown frame flags " + flags);
                }
                int v = Bytes.getByte(in, "frame version");
                if (!reads(v)) {
                    throw new CodecException("unsupported frame version " + v);
                }
                version = v;
                if (Bytes.getIntLE(in, "schema fingerprint") != schema.fingerprint()) {
                    throw new CodecException("frame was encoded for a different schema");
                }
                model.reset(version);
                update[0] = RangeEncoder.INIT;
                if (version >= 3) {
                    BatchPlan.read(model, in, version);
                }
            } else if (version >= 5) {
                in.position(in.position() - 1); // the code's first byte
            } else if (flags != 0) {
                throw new CodecException("unknown frame flags " + flags);
            }
            int end = in.limit();
            if (version < 5) {
                int length = Bytes.getVarint(in, maxPayload, "payload length");
                if (length > in.remaining()) {
                    throw new CodecException("truncated frame payload");
                }
                end = in.position() + length;
            }
            if (!key && (!synced || seq != lastSeq + 1)) {
                in.position(end);
                return false;
            }
            rc.start(in, end, model.version());
            if (version >= 5) {
                if (rc.decodeDirect(1) != 0) {
                    throw new CodecException("corrupt frame code");
                }
                if (rc.decodeBit(update, 0) != 0) {
                    replan();
                }
            }
            model.decode(rc, row, 0);
            if (in.position() != end) {
                throw new CodecException("frame payload length mismatch");
            }
            lastSeq = seq;
            ok = true;
            return true;
        } finally {
            synced = ok;
        }
    }

    /** Reads a new plan from the range code (see {@link FrameEncoder}). */
    private void replan() throws CodecException {
        int length = 0;
        for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
            if (shift > 21) {
                throw new CodecException("plan length: varint too long");
            }
            b = rc.decodeDirect(8);
            length |= (b & 0x7F) << shift;
        }
        if (length > maxPayload) {
            throw new CodecException("plan length out of range: " + length);
        }
        byte[] plan = new byte[length];
        for (int i = 0; i < length; i++) {
            plan[i] = (byte) rc.decodeDirect(8);
        }
        ByteBuffer in = ByteBuffer.wrap(plan);
        model.clearPlan();
        BatchPlan.read(model, in, version);
        if (in.hasRemaining()) {
            throw new CodecException("trailing bytes after plan");
        }
    }
}
