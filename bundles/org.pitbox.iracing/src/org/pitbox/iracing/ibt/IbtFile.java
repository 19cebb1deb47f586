package org.pitbox.iracing.ibt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Recording;

/**
 * A memory-mapped iRacing .ibt file. Rows are read in place; the bulk methods ({@link #floats}, {@link #decodeAll},
 * ...) decode one channel element over every row with a tight loop.
 */
public final class IbtFile implements Recording, AutoCloseable {
    /** Largest supported file: a ByteBuffer is int-indexed. */
    public static final long MAX_FILE_SIZE = Integer.MAX_VALUE;
    /** Rows per cache block in {@link #decodeRows}. */
    /** Rows per block in {@link #decodeRows}: a block of every channel stays in the CPU cache. */
    public static final int BLOCK_ROWS = 256;

    private final FileChannel channel;
    private final IbtHeader header;
    private final ChannelLayout layout;
    private final byte[] sessionInfoBytes;
    private final String sessionInfo;
    private final ByteBuffer rows;
    private final int bufLen;
    private final int recordCount;

    private IbtFile(FileChannel channel, IbtHeader header, ChannelLayout layout, byte[] sessionInfoBytes,
            ByteBuffer rows) {
        this.channel = channel;
        this.header = header;
        this.layout = layout;
        this.sessionInfoBytes = sessionInfoBytes;
        this.sessionInfo = IrsdkText.decode(sessionInfoBytes, false);
        this.rows = rows;
        this.bufLen = header.bufLen();
        this.recordCount = header.recordCount();
    }

    /** Maps and validates a file. Any defect is reported as {@link IbtFormatException}. */
    public static IbtFile open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = ch.size();
            if (size > MAX_FILE_SIZE) {
                throw new IbtFormatException(path.getFileName() + " is " + size + " bytes; .ibt files above 2 GiB ("
                        + MAX_FILE_SIZE + " bytes) are not supported");
            }
            ByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return parse(map, ch);
        } catch (IOException e) {
            ch.close();
            throw e;
        } catch (RuntimeException e) {
            ch.close();
            throw unexpected(e);
        }
    }

    /**
     * Opens a file a person named, for example on a command line: a missing file, a directory, a file that cannot be
     * read and one that is not an .ibt each give an IOException whose one-line message names the file, says what is
     * wrong and what to do.
     */
    public static IbtFile openNamed(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory; give an .ibt file");
        }
        if (!Files.exists(path)) {
            throw new IOException("no such file: " + path);
        }
        try {
            return open(path);
        } catch (IbtFormatException e) {
            throw new IbtFormatException(path + " is not a readable .ibt file (" + e.getMessage()
                    + "); give a complete .ibt file recorded by iRacing", e);
        } catch (FileSystemException e) {
            String reason = e instanceof AccessDeniedException ? "permission denied" : e.getReason();
            throw new IOException("cannot read " + path + ": " + reason, e);
        }
    }

    /** Parses an in-memory image (for example a file read into a byte array). */
    public static IbtFile read(ByteBuffer image) throws IbtFormatException {
        try {
            return parse(image.slice().asReadOnlyBuffer(), null);
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    private static IbtFormatException unexpected(RuntimeException e) {
        return new IbtFormatException("unreadable .ibt file: " + e, e);
    }

    private static IbtFile parse(ByteBuffer buf, FileChannel ch) throws IbtFormatException {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        long size = buf.limit();
        if (size < IbtHeader.SIZE) {
            throw new IbtFormatException("file is truncated: " + size + " bytes, the header alone needs "
                    + IbtHeader.SIZE);
        }
        IrsdkHeader main = IrsdkHeader.read(buf, size);
        int dataOffset = buf.getInt(IrsdkHeader.varBufAt(0) + 4);
        if (dataOffset < IbtHeader.SIZE || dataOffset > size) {
            throw new IbtFormatException("row data offset " + dataOffset + " lies outside the " + size
                    + "-byte file");
        }
        int declared = buf.getInt(140);
        int available = (int) ((size - dataOffset) / main.bufLen());
        int records = declared > 0 && declared == available ? declared : available;
        IbtHeader header = new IbtHeader(main, buf.getLong(112), buf.getDouble(120), buf.getDouble(128),
                buf.getInt(136), declared, records, dataOffset, size);
        ChannelLayout layout = VarHeaders.read(buf, main.varHeaderOffset(), main.numVars(), main.bufLen());
        byte[] info = new byte[main.sessionInfoLength()];
        buf.get(main.sessionInfoOffset(), info);
        info = trimAtNul(info);
        ByteBuffer rows = buf.slice(dataOffset, records * main.bufLen()).order(ByteOrder.LITTLE_ENDIAN);
        return new IbtFile(ch, header, layout, info, rows);
    }

    private static byte[] trimAtNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return Arrays.copyOf(b, i);
            }
        }
        return b;
    }

    public IbtHeader header() {
        return header;
    }

    @Override
    public ChannelLayout layout() {
        return layout;
    }

    @Override
    public int tickRate() {
        return header.tickRate();
    }

    @Override
    public int recordCount() {
        return recordCount;
    }

    @Override
    public String sessionInfoYaml() {
        return sessionInfo;
    }

    /** The raw session-info bytes (up to the first NUL), for callers that decode themselves. */
    public byte[] sessionInfoBytes() {
        return sessionInfoBytes.clone();
    }

    @Override
    public ByteBuffer rows() {
        return rows;
    }

    @Override
    public int rowStart(int record) {
        return Objects.checkIndex(record, recordCount) * bufLen;
    }

    @Override
    public double[] column(ChannelDescriptor c, int index) {
        double[] out = new double[recordCount];
        decodeAll(c, index, out);
        return out;
    }

    /** Element {@code index} of {@code c} over every row into {@code out} (length at least recordCount). */
    public void decodeAll(ChannelDescriptor c, int index, double[] out) {
        decodeRange(c, index, 0, recordCount, out, 0);
    }

    /**
     * Element {@code index} of {@code c} for rows {@code [from, from+count)} into {@code out[outOffset...]}, any
     * type as double (bit fields unsigned, char as byte value). To decode many channels of a large file, walk it in
     * blocks of a few hundred rows and decode every channel per block: the rows then stay in the CPU cache.
     */
    public void decodeRange(ChannelDescriptor c, int index, int from, int count, double[] out, int outOffset) {
        Objects.checkFromIndexSize(from, count, recordCount);
        Objects.checkFromIndexSize(outOffset, count, out.length);
        int at = start(c, index) + from * bufLen;
        int end = outOffset + count;
        ByteBuffer b = rows;
        int step = bufLen;
        switch (c.type()) {
            case FLOAT -> {
                for (int i = outOffset; i < end; i++, at += step) {
                    out[i] = b.getFloat(at);
                }
            }
            case DOUBLE -> {
                for (int i = outOffset; i < end; i++, at += step) {
                    out[i] = b.getDouble(at);
                }
            }
            case INT -> {
                for (int i = outOffset; i < end; i++, at += step) {
                    out[i] = b.getInt(at);
                }
            }
            case BITFIELD -> {
                for (int i = outOffset; i < end; i++, at += step) {
                    out[i] = b.getInt(at) & 0xFFFFFFFFL;
                }
            }
            case BOOL -> {
                for (int i = outOffset; i < end; i++, at += step) {
                    out[i] = b.get(at) != 0 ? 1 : 0;
                }
            }
            case CHAR -> {
                for (int i = outOffset; i < end; i++, at += step) {
                    out[i] = b.get(at) & 0xFF;
                }
            }
        }
    }

    /**
     * Every element of every channel (layout order, arrays expanded as in the CSV) for rows
     * {@code [from, from+count)}: {@code columns[k][i]} is column k of row {@code from+i}. Cache-blocked; the fastest
     * way to decode a whole file.
     */
    public void decodeRows(int from, int count, double[][] columns) {
        Objects.checkFromIndexSize(from, count, recordCount);
        for (int done = 0; done < count; done += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, count - done);
            int k = 0;
            for (ChannelDescriptor c : layout.channels()) {
                for (int i = 0; i < c.count(); i++, k++) {
                    decodeRange(c, i, from + done, n, columns[k], done);
                }
            }
        }
    }

    public float[] floats(ChannelDescriptor c, int index) {
        int at = start(c, index, ChannelType.FLOAT);
        float[] out = new float[recordCount];
        for (int i = 0; i < out.length; i++, at += bufLen) {
            out[i] = rows.getFloat(at);
        }
        return out;
    }

    public double[] doubles(ChannelDescriptor c, int index) {
        int at = start(c, index, ChannelType.DOUBLE);
        double[] out = new double[recordCount];
        for (int i = 0; i < out.length; i++, at += bufLen) {
            out[i] = rows.getDouble(at);
        }
        return out;
    }

    /** Int or bit-field values (bit fields as their raw 32 bits). */
    public int[] ints(ChannelDescriptor c, int index) {
        int at = c.type() == ChannelType.BITFIELD ? start(c, index) : start(c, index, ChannelType.INT);
        int[] out = new int[recordCount];
        for (int i = 0; i < out.length; i++, at += bufLen) {
            out[i] = rows.getInt(at);
        }
        return out;
    }

    /** Bool or char values as bytes. */
    public byte[] bytes(ChannelDescriptor c, int index) {
        if (c.type().bytes() != 1) {
            throw new IllegalArgumentException(c.name() + " is " + c.type() + ", not a one-byte type");
        }
        int at = start(c, index);
        byte[] out = new byte[recordCount];
        for (int i = 0; i < out.length; i++, at += bufLen) {
            out[i] = rows.get(at);
        }
        return out;
    }

    private int start(ChannelDescriptor c, int index, ChannelType expected) {
        if (c.type() != expected) {
            throw new IllegalArgumentException(c.name() + " is " + c.type() + ", not " + expected);
        }
        return start(c, index);
    }

    private int start(ChannelDescriptor c, int index) {
        Objects.checkIndex(index, c.count());
        int at = c.offsetOf(index);
        if (at + c.type().bytes() > bufLen) {
            throw new IllegalArgumentException(c.name() + " does not fit this file's rows");
        }
        return at;
    }

    /** Closes the file channel; the mapping itself is released by the garbage collector. */
    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
