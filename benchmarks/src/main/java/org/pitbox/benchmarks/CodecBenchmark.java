package org.pitbox.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.BatchDecoder;
import org.pitbox.protocol.codec.BatchEncoder;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * The telemetry codec on every real recording. {@code live}: one frame encoded and decoded (cycling through the
 * session's rows, a keyframe every 600 frames); {@code batchEncode}/{@code batchDecode}: the whole session as
 * stored batches. Setup prints one line per file: raw size and the live, stored, zlib and column-transposed zlib
 * (Deflater level 9) sizes as a share of the raw rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
    @Param({"florendg_test.ibt", "robroberts_sk.ibt", "robroberts_sk2.ibt",
            "robroberts_skmodified_langley_2015-05-28_14-45-12.ibt",
            "robroberts_skmodified_langley_2015-05-28_14-45-28.ibt",
            "robroberts_skmodified_langley_2015-05-28_14-50-46.ibt",
            "robroberts_skmodified_langley_2015-08-24_20-48-50.ibt",
            "robroberts_skmodified_martinsville_2016-02-07_21-01-44.ibt",
            "robroberts_skmodified_tour_martinsville_2015-05-30_20-32-44.ibt",
            "teamjorge_valid_test_file.ibt"})
    public String file;

    private FrameSchema schema;
    private byte[] rows;
    private int rowCount;
    private byte[][] rowArrays;
    private FrameEncoder encoder;
    private FrameDecoder decoder;
    private ByteBuffer frame;
    private byte[] out;
    private int next;
    private long seq;
    private List<byte[]> batches;

    @Setup(Level.Trial)
    public void open() throws IOException, CodecException {
        try (IbtFile ibt = IbtFile.open(BenchmarkFiles.real(file))) {
            List<ChannelSpec> specs = new ArrayList<>();
            for (ChannelDescriptor c : ibt.layout().channels()) {
                specs.add(new ChannelSpec(c.name(), c.type().code(), c.count(), c.offset()));
            }
            int len = ibt.layout().rowLength();
            schema = new FrameSchema(specs, len);
            rowCount = ibt.recordCount();
            rows = new byte[rowCount * len];
            ibt.rows().get(ibt.rowStart(0), rows);
        }
        int len = schema.rowLength();
        rowArrays = new byte[rowCount][];
        for (int r = 0; r < rowCount; r++) {
            rowArrays[r] = Arrays.copyOfRange(rows, r * len, (r + 1) * len);
        }
        encoder = new FrameEncoder(schema);
        decoder = new FrameDecoder(schema);
        frame = ByteBuffer.allocate(encoder.maxFrameSize());
        out = new byte[len];
        long live = 0;
        for (int r = 0; r < rowCount; r++) {
            live += roundTrip();
        }
        batchEncode();
        long stored = batches.stream().mapToLong(b -> b.length).sum();
        if (!Arrays.equals(rows, batchDecode())) {
            throw new IllegalStateException("stored rows differ after decoding " + file);
        }
        double raw = rows.length / 100.0;
        System.out.printf("%n%s: %d rows of %d B, raw %d B; live %.2f %%, stored %.2f %%, zlib %.2f %%, "
                + "column zlib %.2f %%%n", file, rowCount, len, rows.length, live / raw, stored / raw,
                deflated(rows) / raw, deflated(columns()) / raw);
    }

    /** Encodes and decodes the next row as one live frame; returns the frame size. */
    @Benchmark
    public int live() throws CodecException {
        return roundTrip();
    }

    /** The whole session as stored batches. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<byte[]> batchEncode() {
        BatchEncoder batchEncoder = new BatchEncoder(schema);
        batches = new ArrayList<>();
        for (int r = 0; r < rowCount; r += BatchEncoder.DEFAULT_BATCH_ROWS) {
            int n = Math.min(BatchEncoder.DEFAULT_BATCH_ROWS, rowCount - r);
            batches.add(batchEncoder.encode(rows, r * schema.rowLength(), n));
        }
        return batches;
    }

    /** Decodes the batches of {@link #batchEncode()} back into the session's rows. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] batchDecode() throws CodecException {
        BatchDecoder batchDecoder = new BatchDecoder(schema);
        byte[] all = new byte[rows.length];
        int at = 0;
        for (byte[] b : batches) {
            byte[] part = batchDecoder.decode(b);
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private int roundTrip() throws CodecException {
        if (next == rowCount) {
            next = 0;
            encoder.requestKeyframe();
        }
        byte[] row = rowArrays[next++];
        frame.clear();
        int size = encoder.encode(row, frame);
        frame.flip();
        if (!decoder.decode(++seq, frame, out)) {
            throw new IllegalStateException("frame skipped");
        }
        return size;
    }

    /** The rows transposed: each channel element's values of all rows together, then any bytes no channel covers. */
    private byte[] columns() {
        int len = schema.rowLength();
        byte[] t = new byte[rows.length];
        boolean[] covered = new boolean[len];
        int at = 0;
        for (ChannelSpec c : schema.channels()) {
            int size = c.elementSize();
            for (int i = 0; i < c.count(); i++) {
                int o = c.offset() + i * size;
                if (!covered[o]) {
                    Arrays.fill(covered, o, o + size, true);
                    for (int r = 0; r < rowCount; r++) {
                        System.arraycopy(rows, r * len + o, t, at, size);
                        at += size;
                    }
                }
            }
        }
        for (int o = 0; o < len; o++) {
            if (!covered[o]) {
                for (int r = 0; r < rowCount; r++) {
                    t[at++] = rows[r * len + o];
                }
            }
        }
        return t;
    }

    private static long deflated(byte[] data) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(data);
        deflater.finish();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        while (!deflater.finished()) {
            total += deflater.deflate(buf);
        }
        deflater.end();
        return total;
    }
}
