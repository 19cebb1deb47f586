package org.pitbox.protocol.codec;

import java.nio.ByteBuffer;

/**
 * Live decoder for {@link FrameEncoder} frames (of this version and of versions 2 and 3), given the sequence number
 * their carrier gave each frame (one up per frame). After a gap in that number (or before the first keyframe)
 * delta frames are skipped until the next keyframe; see {@link #needsKeyframe()}. Not thread-safe.
 */
public final class FrameDecoder {
    private final FrameSchema schema;
    private final RowModel model;
    private final RangeDecoder rc = new RangeDecoder();
    private final int maxPayload;
    private long lastSeq;
    private boolean synced;

    /** Whether frames of this format version decode here: this version's and versions 2 and 3. */
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
     * Reads exactly one frame from in (advancing its position) and writes the row into row.
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
            if ((flags & ~FrameEncoder.KEY_FLAG) != 0) {
                throw new CodecException("unknown frame flags " + flags);
            }
            if (key) {
                int version = Bytes.getByte(in, "frame version");
                if (!reads(version)) {
                    throw new CodecException("unsupported frame version " + version);
                }
                if (Bytes.getIntLE(in, "schema fingerprint") != schema.fingerprint()) {
                    throw new CodecException("frame was encoded for a different schema");
                }
                model.reset(version);
                if (version >= 3) {
                    BatchPlan.read(model, in, version);
                }
            }
            int length = Bytes.getVarint(in, maxPayload, "payload length");
            if (length > in.remaining()) {
                throw new CodecException("truncated frame payload");
            }
            int end = in.position() + length;
            if (!key && (!synced || seq != lastSeq + 1)) {
                in.position(end);
                return false;
            }
            rc.start(in, end, model.version());
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
}
