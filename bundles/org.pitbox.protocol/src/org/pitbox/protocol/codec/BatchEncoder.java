package org.pitbox.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Stored-session encoder: many rows per independently decodable batch.
 * <p>
 * Batch layout: version byte, schema fingerprint (int32 LE), varint row count, varint payload
 * length, CRC32 of the payload (int32 LE), payload. Version 3 added two plan kinds and extrapolates floats in float
 * arithmetic; version 4 (versions 2 and 3 are still read) adds fitted {@link Lpc} predictors to the plan and codes
 * with a little more context (see {@link RowModel}). The payload is the {@link BatchPlan} chosen for
 * these rows, then the rows coded in order with a fresh {@link RowModel}: each channel has its own
 * predictor and adaptive statistics, so this is column-wise coding without a transpose; the range
 * coder is the per-batch entropy compression.
 */
public final class BatchEncoder {
    public static final int VERSION = 4;
    /** One minute at 60 Hz. */
    public static final int DEFAULT_BATCH_ROWS = 3600;
    static final int MAX_BATCH_ROWS = 1 << 16;
    static final int MAX_BATCH_BYTES = 1 << 26;

    private final FrameSchema schema;
    private final RowModel model;
    private final RangeEncoder rc = new RangeEncoder();

    public BatchEncoder(FrameSchema schema) {
        this.schema = schema;
        this.model = new RowModel(schema);
    }

    /** Encodes rowCount consecutive rows starting at rows[offset]. */
    public byte[] encode(byte[] rows, int offset, int rowCount) {
        int len = schema.rowLength();
        if (rowCount < 0 || rowCount > MAX_BATCH_ROWS || (long) rowCount * len > MAX_BATCH_BYTES
                || offset < 0 || offset + (long) rowCount * len > rows.length) {
            throw new IllegalArgumentException("bad batch: " + rowCount + " rows at " + offset);
        }
        model.reset(VERSION);
        BatchPlan.choose(model, rows, offset, rowCount, len);
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        BatchPlan.write(model, plan);
        rc.start(VERSION);
        for (int r = 0; r < rowCount; r++) {
            model.encode(rc, rows, offset + r * len);
        }
        rc.finish();
        CRC32 crc = new CRC32();
        crc.update(plan.toByteArray());
        crc.update(rc.buffer(), 0, rc.size());
        ByteBuffer out = ByteBuffer.allocate(plan.size() + rc.size() + 24);
        out.put((byte) VERSION);
        Bytes.putIntLE(out, schema.fingerprint());
        Bytes.putVarint(out, rowCount);
        Bytes.putVarint(out, plan.size() + rc.size());
        Bytes.putIntLE(out, (int) crc.getValue());
        out.put(plan.toByteArray());
        out.put(rc.buffer(), 0, rc.size());
        return Arrays.copyOf(out.array(), out.position());
    }
}
