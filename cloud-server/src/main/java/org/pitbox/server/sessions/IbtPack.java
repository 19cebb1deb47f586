package org.pitbox.server.sessions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.BatchDecoder;
import org.pitbox.protocol.codec.BatchEncoder;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * The stored form of a session: the .ibt's telemetry rows as the codec's batches, the bytes before and after them
 * (header, channel list, session info) deflated, so that {@link #unpack} gives the .ibt back byte for byte.
 * <p>
 * Layout: magic {@code PBZ1}, schema length (int) and {@link FrameSchema} bytes, then records in file order, each a
 * type byte: {@code 'D'} raw length, packed length (ints) and a deflated piece of at most {@link #PIECE} bytes;
 * {@code 'B'} length (int) and one codec batch; {@code 'E'} the end. Both directions stream: at most one piece or
 * batch is in memory. A stream without the magic is a session stored raw (before this form) and is copied as is.
 */
public final class IbtPack {
    static final byte[] MAGIC = {'P', 'B', 'Z', '1'};
    static final int PIECE = 1 << 20;
    private static final int MAX_BATCH_BYTES = 1 << 26;
    private static final int MAX_SCHEMA_BYTES = 1 << 24;
    /** Room for a piece that does not compress: deflate adds a few bytes per 16 KiB. */
    private static final int MAX_PACKED = PIECE + PIECE / 8 + 64;

    private IbtPack() {
    }

    /**
     * Writes the stored form of the .ibt {@code file} (already checked to be one) to {@code out}; a file whose
     * channels the codec cannot describe is written raw.
     */
    public static void pack(Path file, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        try (IbtFile ibt = IbtFile.open(file); InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            FrameSchema schema = schema(ibt);
            if (schema == null) {
                in.transferTo(data);
                data.flush();
                return;
            }
            byte[] schemaBytes = schema.toBytes();
            data.write(MAGIC);
            data.writeInt(schemaBytes.length);
            data.write(schemaBytes);
            int len = schema.rowLength();
            long rowsAt = ibt.header().dataOffset();
            long rowBytes = (long) ibt.recordCount() * len;
            deflate(in, rowsAt, data);
            in.skipNBytes(rowBytes);
            int batchRows = Math.max(1, Math.min(BatchEncoder.DEFAULT_BATCH_ROWS, MAX_BATCH_BYTES / Math.max(1, len)));
            byte[] rows = new byte[batchRows * len];
            BatchEncoder encoder = new BatchEncoder(schema);
            for (int first = 0; first < ibt.recordCount(); first += batchRows) {
                int count = Math.min(batchRows, ibt.recordCount() - first);
                ibt.rows().get(ibt.rowStart(first), rows, 0, count * len);
                byte[] batch = encoder.encode(rows, 0, count);
                data.write('B');
                data.writeInt(batch.length);
                data.write(batch);
            }
            deflate(in, Long.MAX_VALUE, data);
            data.write('E');
        }
        data.flush();
    }

    /** Writes the .ibt that {@code in} holds in stored (or raw) form to {@code out}. */
    public static void unpack(InputStream in, OutputStream out) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(MAGIC.length);
        if (!Arrays.equals(buffered.readNBytes(MAGIC.length), MAGIC)) {
            buffered.reset();
            buffered.transferTo(out);
            return;
        }
        DataInputStream data = new DataInputStream(buffered);
        try {
            BatchDecoder decoder = new BatchDecoder(FrameSchema.fromBytes(block(data, MAX_SCHEMA_BYTES)));
            Inflater inflater = new Inflater();
            try {
                for (int type = data.read(); type != 'E'; type = data.read()) {
                    switch (type) {
                        case 'D' -> out.write(inflate(data, inflater));
                        case 'B' -> out.write(decoder.decode(block(data, 2 * MAX_BATCH_BYTES)));
                        default -> throw new IOException("damaged stored session: record type " + type);
                    }
                }
            } finally {
                inflater.end();
            }
        } catch (CodecException | DataFormatException e) {
            throw new IOException("damaged stored session: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new IOException("damaged stored session: it ends early", e);
        }
    }

    /** The codec's schema for the file's channels; null when it cannot describe them. */
    private static FrameSchema schema(IbtFile ibt) {
        if (ibt.layout().rowLength() != ibt.header().bufLen()) {
            return null;
        }
        try {
            List<ChannelSpec> specs = new ArrayList<>();
            for (ChannelDescriptor c : ibt.layout().channels()) {
                specs.add(new ChannelSpec(c.name(), c.type().code(), c.count(), c.offset()));
            }
            return new FrameSchema(specs, ibt.layout().rowLength());
        } catch (IllegalArgumentException e) {
            return null;
        }
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
            throw new IOException("damaged stored session: piece of " + raw + " bytes");
        }
        byte[] packed = block(in, MAX_PACKED);
        byte[] bytes = new byte[raw];
        inflater.reset();
        inflater.setInput(packed);
        if (inflater.inflate(bytes) != raw || !inflater.finished()) {
            throw new IOException("damaged stored session: a piece inflates to other than " + raw + " bytes");
        }
        return bytes;
    }

    private static byte[] block(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("damaged stored session: block of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
