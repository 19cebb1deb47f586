package org.pitbox.iracing.ibt;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.core.telemetry.Rows;

/**
 * Writes a version-2 .ibt file: header, disk sub-header, var headers, session YAML, rows. Rows are streamed
 * through a buffer, so a long race never sits in memory; {@link #close()} finalises the disk sub-header
 * (record count, start/end SessionTime, distinct laps). Until then the file reads as unfinalised.
 */
public final class IbtWriter implements Closeable {
    private static final int CHUNK = 1 << 20;
    private static final int MAX_LAP = 1 << 20;

    private final FileChannel out;
    private final ChannelLayout layout;
    private final int bufLen;
    private final int tickRate;
    private final long startDate;
    private final int sessionInfoLength;
    private final int dataOffset;
    private final ByteBuffer chunk;
    private final ChannelDescriptor sessionTime;
    private final ChannelDescriptor lap;
    private final BitSet laps = new BitSet();
    private double firstTime;
    private double lastTime;
    private int records;
    private boolean closed;

    private IbtWriter(FileChannel out, ChannelLayout layout, byte[] yaml, int tickRate, long startDate)
            throws IOException {
        this.out = out;
        this.layout = layout;
        this.bufLen = layout.rowLength();
        this.tickRate = tickRate;
        this.startDate = startDate;
        this.sessionInfoLength = yaml.length;
        int numVars = layout.channels().size();
        long data = IbtHeader.SIZE + (long) numVars * VarHeaders.SIZE + yaml.length;
        if (data > IbtFile.MAX_FILE_SIZE) {
            throw new IOException("headers and session info exceed the 2 GiB .ibt limit");
        }
        this.dataOffset = (int) data;
        this.sessionTime = layout.find("SessionTime").orElse(null);
        this.lap = layout.find("Lap").orElse(null);
        ByteBuffer head = ByteBuffer.allocate(dataOffset - IbtHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (ChannelDescriptor c : layout.channels()) {
            VarHeaders.write(head, c);
        }
        head.put(yaml).flip();
        writeFully(headers(), 0);
        writeFully(head, IbtHeader.SIZE);
        out.position(dataOffset);
        this.chunk = ByteBuffer.allocate(Math.max(CHUNK, bufLen));
    }

    /**
     * Creates (or replaces) {@code path} for streaming.
     *
     * @param sessionStartDate Unix seconds of the session start, 0 when unknown
     */
    public static IbtWriter create(Path path, ChannelLayout layout, String sessionInfoYaml, int tickRate,
            long sessionStartDate) throws IOException {
        if (layout.rowLength() <= 0 || tickRate <= 0) {
            throw new IllegalArgumentException("row length and tick rate must be positive");
        }
        byte[] yaml = IrsdkText.encode(sessionInfoYaml == null ? "" : sessionInfoYaml);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return new IbtWriter(ch, layout, yaml, tickRate, sessionStartDate);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Writes a whole recording; an {@link IbtFile}'s session start date is kept. */
    public static void write(Recording rec, Path path) throws IOException {
        long date = rec instanceof IbtFile f ? f.header().sessionStartDate() : 0;
        write(rec, path, date);
    }

    public static void write(Recording rec, Path path, long sessionStartDate) throws IOException {
        try (IbtWriter w = create(path, rec.layout(), rec.sessionInfoYaml(), rec.tickRate(), sessionStartDate)) {
            ByteBuffer rows = rec.rows();
            for (int i = 0, n = rec.recordCount(); i < n; i++) {
                w.append(rows, rec.rowStart(i));
            }
        }
    }

    /** Appends the row of {@code layout().rowLength()} bytes at absolute position {@code rowStart} of {@code src}. */
    public void append(ByteBuffer src, int rowStart) throws IOException {
        if (closed) {
            throw new IOException("writer is closed");
        }
        if ((long) dataOffset + (long) (records + 1) * bufLen > IbtFile.MAX_FILE_SIZE) {
            throw new IOException("recording would exceed the 2 GiB .ibt limit after " + records + " rows");
        }
        if (sessionTime != null) {
            double t = Rows.asDouble(src, rowStart, sessionTime, 0);
            if (records == 0) {
                firstTime = t;
            }
            lastTime = t;
        }
        if (lap != null) {
            double l = Rows.asDouble(src, rowStart, lap, 0);
            if (l >= 0 && l < MAX_LAP) {
                laps.set((int) l);
            }
        }
        if (chunk.remaining() < bufLen) {
            flush();
        }
        chunk.put(chunk.position(), src, rowStart, bufLen);
        chunk.position(chunk.position() + bufLen);
        records++;
    }

    public int recordCount() {
        return records;
    }

    public ChannelLayout layout() {
        return layout;
    }

    private void flush() throws IOException {
        chunk.flip();
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
        chunk.clear();
    }

    /** Flushes the rows and finalises the header and disk sub-header. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            flush();
            writeFully(headers(), 0);
        }
    }

    private ByteBuffer headers() {
        ByteBuffer h = ByteBuffer.allocate(IbtHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int numVars = layout.channels().size();
        h.putInt(2).putInt(1).putInt(tickRate).putInt(0)
                .putInt(sessionInfoLength).putInt(IbtHeader.SIZE + numVars * VarHeaders.SIZE)
                .putInt(numVars).putInt(IbtHeader.SIZE).putInt(1).putInt(bufLen);
        h.putInt(0).putInt(0);
        h.putInt(IrsdkHeader.varBufAt(0) + 4, dataOffset);
        h.putLong(112, startDate);
        h.putDouble(120, records > 0 ? firstTime : 0);
        h.putDouble(128, records > 0 ? lastTime : 0);
        h.putInt(136, laps.cardinality());
        h.putInt(140, records);
        return h.clear();
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            at += out.write(b, at);
        }
    }
}
