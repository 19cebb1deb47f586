package org.pitbox.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pitbox.core.chart.Downsample;

/** Thinning an hour of one channel at 60 Hz (216,000 points) to chart widths: min/max and LTTB. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DownsampleBenchmark {
    private static final int POINTS = 216_000;

    private final double[] x = new double[POINTS];
    private final double[] y = new double[POINTS];
    private final double[] outX = new double[6000];
    private final double[] outY = new double[6000];

    @Setup
    public void fill() {
        Arrays.setAll(x, i -> i);
        Arrays.setAll(y, i -> Math.sin(i / 50.0));
    }

    /** Min/max per pixel column for 1000 columns. */
    @Benchmark
    public int minMaxTo1000Columns() {
        return Downsample.minMax(x, y, 0, POINTS, 1000, outX, outY);
    }

    /** Largest-triangle-three-buckets to 3000 points. */
    @Benchmark
    public int lttbTo3000Points() {
        return Downsample.lttb(x, y, 0, POINTS, 3000, outX, outY);
    }
}
