package org.pitbox.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.Rows;
import org.pitbox.iracing.ibt.IbtFile;

/**
 * Decoding every element of every channel of every record, as doubles. {@code naiveLoop} is the anchor (row by
 * row, a type switch per value); {@code pitbox} walks the file in cache-sized blocks, a tight loop per channel.
 * Values/s = ops/s x {@link #values}: printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {
    /** A real 91 s Langley session, or one simulated hour at iRacing's row width (about 230 MB). */
    @Param({"robroberts_skmodified_langley_2015-05-28_14-50-46.ibt", "simulated-3600s"})
    public String file;

    private IbtFile ibt;
    private double[] block;
    private double[] row;
    private long values;

    @Setup(Level.Trial)
    public void open() throws IOException {
        ibt = IbtFile.open(file.startsWith("simulated-") ? BenchmarkFiles.simulated(3600) : BenchmarkFiles.real(file));
        block = new double[IbtFile.BLOCK_ROWS];
        long perRow = ibt.layout().channels().stream().mapToLong(ChannelDescriptor::count).sum();
        values = perRow * ibt.recordCount();
        row = new double[(int) perRow];
        System.out.printf("%n%s: %d records, %d values per op%n", file, ibt.recordCount(), values);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        ibt.close();
    }

    /** Row by row into a reused row array, a type switch per value. */
    @Benchmark
    public double[] naiveLoop() {
        ByteBuffer rows = ibt.rows();
        for (int r = 0; r < ibt.recordCount(); r++) {
            int start = ibt.rowStart(r);
            int k = 0;
            for (ChannelDescriptor c : ibt.layout().channels()) {
                for (int i = 0; i < c.count(); i++) {
                    row[k++] = Rows.asDouble(rows, start, c, i);
                }
            }
        }
        return row;
    }

    /** Block by block into a reused column block, one tight loop per channel element. */
    @Benchmark
    public double[] pitbox() {
        int records = ibt.recordCount();
        for (int from = 0; from < records; from += block.length) {
            int n = Math.min(block.length, records - from);
            for (ChannelDescriptor c : ibt.layout().channels()) {
                for (int i = 0; i < c.count(); i++) {
                    ibt.decodeRange(c, i, from, n, block, 0);
                }
            }
        }
        return block;
    }
}
