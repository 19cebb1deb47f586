package org.pitbox.protocol.codec;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Decoder for {@link BatchEncoder} batches, of this version and of versions 2 and 3. Not thread-safe. */
public final class BatchDecoder {
    private final FrameSchema schema;
    private final RowModel model;
    private final RangeDecoder rc = new RangeDecoder();

    public BatchDecoder(FrameSchema schema) {
        this.schema = schema;
        this.model = new RowModel(schema);
    }

    /** Decodes a whole batch array; trailing bytes are an error. */
    public byte[] decode(byte[] batch) throws CodecException {
        ByteBuffer in = ByteBuffer.wrap(batch);
        byte[] rows = decode(in);
        if (in.hasRemaining()) {
            throw new CodecException("trailing bytes after batch");
        }
        return rows;
    }

    /** Reads one batch from in (advancing its position) and returns its rows, concatenated. */
    public byte[] decode(ByteBuffer in) throws CodecException {
        int version = Bytes.getByte(in, "batch version");
        if (version < 2 || version > BatchEncoder.VERSION) {
            throw new CodecException("unsupported batch version " + version);
        }
        if (Bytes.getIntLE(in, "schema fingerprint") != schema.fingerprint()) {
            throw new CodecException("batch was encoded for a different schema");
        }
        int len = schema.rowLength();
        int maxRows = len == 0 ? BatchEncoder.MAX_BATCH_ROWS
                : Math.min(BatchEncoder.MAX_BATCH_ROWS, BatchEncoder.MAX_BATCH_BYTES / len);
        int rowCount = Bytes.getVarint(in, maxRows, "row count");
        int length = Bytes.getVarint(in, Integer.MAX_VALUE, "payload length");
        int crc = Bytes.getIntLE(in, "payload checksum");
        if (length > in.remaining()) {
            throw new CodecException("truncated batch payload");
        }
        CRC32 actual = new CRC32();
        int end = in.position() + length;
        actual.update(in.slice(in.position(), length));
        if ((int) actual.getValue() != crc) {
            throw new CodecException("batch checksum mismatch");
        }
        byte[] rows = new byte[rowCount * len];
        model.reset(version);
        ByteBuffer payload = in.slice(in.position(), length);
        BatchPlan.read(model, payload, version);
        in.position(in.position() + payload.position());
        rc.start(in, end, version);
        for (int r = 0; r < rowCount; r++) {
            model.decode(rc, rows, r * len);
        }
        if (in.position() != end) {
            throw new CodecException("batch payload length mismatch");
        }
        return rows;
    }
}
