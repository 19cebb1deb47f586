package org.pitbox.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.compare.Line;
import org.pitbox.core.compare.XRange;
import org.pitbox.core.laps.Lap;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;

/**
 * The data side of the lap comparison's goal (open a 1-hour session and draw a two-lap overlay of 5 channels
 * in under 300 ms; the painting is timed in the UI test, which has a display): open a simulated hour, read its
 * laps, take the two fastest clean ones, resample Speed, Throttle, Brake, Gear and SteeringWheelAngle plus
 * the time delta onto one distance grid, and thin every line to 1600 pixel columns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class LapCompareBenchmark {
    private static final int PIXELS = 1600;

    private Path hour;

    @Setup(Level.Trial)
    public void write() throws IOException {
        hour = BenchmarkFiles.simulated(3600);
    }

    /** From the file on disk to the thinned lines. */
    @Benchmark
    public int openCompareAndThin() throws IOException {
        try (IbtFile ibt = IbtFile.open(hour)) {
            IbtSummary summary = IbtSummary.of(ibt);
            List<Lap> two = summary.laps().stream().filter(Lap::isClean)
                    .sorted(Comparator.comparingDouble(Lap::lapTime)).limit(2).toList();
            Comparison.Builder builder = Comparison.builder(Comparison.DEFAULT_CHANNELS,
                    summary.info().weekend().trackLengthMeters());
            for (Lap lap : two) {
                builder.add("simulated hour", ibt, lap);
            }
            return thin(builder.build());
        }
    }

    /** Every line of every channel thinned to the pixel width; returns the points kept. */
    private static int thin(Comparison c) {
        Line line = new Line();
        XRange view = c.fullRange();
        int points = 0;
        for (int channel = 0; channel < c.channels().size(); channel++) {
            for (int lap = 0; lap < c.laps().size(); lap++) {
                points += c.thin(channel, lap, view, PIXELS, line);
            }
        }
        return points;
    }
}
