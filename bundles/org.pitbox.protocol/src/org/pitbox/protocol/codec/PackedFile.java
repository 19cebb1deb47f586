package org.pitbox.protocol.codec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A recording file with its telemetry rows as {@link BatchEncoder} batches and the bytes before and after them
 * (header, channel list, session info) deflated; {@link #unpack} gives the file back byte for byte. How sessions are
 * stored and, smaller, uploaded.
 * <p>
 * Layout: magic {@code PBZ1}, schema length (int) and {@link FrameSchema} bytes, then records in file order, each a
 * type byte: {@code 'D'} raw length, packed length (ints) and a deflated piece of at most {@link #PIECE} bytes;
 * {@code 'B'} length (int) and one batch; {@code 'E'} the end. Both directions stream: at most one piece or batch is
 * in memory. {@link #unpack} copies a stream without the magic as it is (a file stored before this form).
 */
public final class PackedFile {
    private static final byte[] MAGIC = {'P', 'B', 'Z', '1'};
    static final int PIECE = 1 << 20;
    /** Room for a piece that does not compress: deflate adds a few bytes per 16 KiB. */
    private static final int MAX_PACKED = PIECE + PIECE / 8 + 64;
    private static final int MAX_SCHEMA_BYTES = 1 << 24;

    private PackedFile() {
    }

    /** True when {@code head}, a file's first bytes, starts a packed file. */
    public static boolean isPacked(byte[] head) {
        return head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * Writes the packed form of {@code file}, read once from its start, whose {@code rowCount} rows of
     * {@code schema.rowLength()} bytes start at byte {@code rowsAt}.
     */
    public static void pack(InputStream file, long rowsAt, int rowCount, FrameSchema schema, OutputStream out)
            throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        InputStream in = new BufferedInputStream(file, 1 << 16);
        byte[] schemaBytes = schema.toBytes();
        data.write(MAGIC);
        data.writeInt(schemaBytes.length);
        data.write(schemaBytes);
        deflate(in, rowsAt, data);
        int len = schema.rowLength();
        int batchRows = len == 0 ? BatchEncoder.MAX_BATCH_ROWS
                : Math.max(1, Math.min(BatchEncoder.DEFAULT_BATCH_ROWS, BatchEncoder.MAX_BATCH_BYTES / len));
        byte[] rows = new byte[Math.min(batchRows, rowCount) * len];
        BatchEncoder encoder = new BatchEncoder(schema);
        for (int first = 0; first < rowCount; first += batchRows) {
            int count = Math.min(batchRows, rowCount - first);
            if (in.readNBytes(rows, 0, count * len) != count * len) {
                throw new EOFException("the file ends inside row " + first + " of " + rowCount);
            }
            byte[] batch = encoder.encode(rows, 0, count);
            data.write('B');
            data.writeInt(batch.length);
            data.write(batch);
        }
        deflate(in, Long.MAX_VALUE, data);
        data.write('E');
        data.flush();
    }

    /**
     * Writes the file that {@code in} holds packed (or as it is) to {@code out}; returns its bytes. A damaged
     * packed form, or one giving more than {@code maxBytes}, fails with an IOException saying so.
     */
    public static long unpack(InputStream in, OutputStream out, long maxBytes) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(MAGIC.length);
        if (!isPacked(buffered.readNBytes(MAGIC.length))) {
            buffered.reset();
            byte[] buffer = new byte[1 << 16];
            long written = 0;
            for (int n = buffered.read(buffer); n > 0; n = buffered.read(buffer)) {
                written = write(out, buffer, n, written, maxBytes);
            }
            return written;
        }
        DataInputStream data = new DataInputStream(buffered);
        long written = 0;
        try {
            BatchDecoder decoder = new BatchDecoder(FrameSchema.fromBytes(block(data, MAX_SCHEMA_BYTES)));
            Inflater inflater = new Inflater();
            try {
                for (int type = data.read(); type != 'E'; type = data.read()) {
                    byte[] bytes = switch (type) {
                        case 'D' -> inflate(data, inflater);
                        case 'B' -> decoder.decode(block(data, 2 * BatchEncoder.MAX_BATCH_BYTES));
                        default -> throw new IOException("damaged packed file: record type " + type);
                    };
                    written = write(out, bytes, bytes.length, written, maxBytes);
                }
            } finally {
                inflater.end();
            }
        } catch (CodecException | DataFormatException e) {
            throw new IOException("damaged packed file: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new IOException("damaged packed file: it ends early", e);
        }
        return written;
    }

    private static long write(OutputStream out, byte[] bytes, int length, long written, long maxBytes)
            throws IOException {
        if (written + length > maxBytes) {
            throw new IOException("the packed file unpacks to more than " + maxBytes + " bytes");
        }
        out.write(bytes, 0, length);
        return written + length;
    }

    /** Deflates up to {@code max} bytes of {@code in} as 'D' records. */
    private static void deflate(InputStream in, long max, DataOutputStream out) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            byte[] piece = new byte[PIECE];
            byte[] packed = new byte[MAX_PACKED];
            for (long left = max; left > 0; ) {
                int n = in.readNBytes(piece, 0, (int) Math.min(PIECE, left));
                if (n == 0) {
                    return;
                }
                left -= n;
                deflater.reset();
                deflater.setInput(piece, 0, n);
                deflater.finish();
                int size = deflater.deflate(packed);
                if (!deflater.finished()) {
                    throw new IOException("a piece of " + n + " bytes deflates beyond " + MAX_PACKED);
                }
                out.write('D');
                out.writeInt(n);
                out.writeInt(size);
                out.write(packed, 0, size);
            }
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(DataInputStream in, Inflater inflater) throws IOException, DataFormatException {
        int raw = in.readInt();
        if (raw < 1 || raw > PIECE) {
            throw new IOException("damaged packed file: piece of " + raw + " bytes");
        }
        byte[] packed = block(in, MAX_PACKED);
        byte[] bytes = new byte[raw];
        inflater.reset();
        inflater.setInput(packed);
        if (inflater.inflate(bytes) != raw || !inflater.finished()) {
            throw new IOException("damaged packed file: a piece inflates to other than " + raw + " bytes");
        }
        return bytes;
    }

    private static byte[] block(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("damaged packed file: block of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
