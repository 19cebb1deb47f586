package org.pitbox.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
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
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.iracing.ibt.IbtFile;

/** Opening one simulated hour (about 230 MB at iRacing's row width) and segmenting it into laps. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class OpenSessionBenchmark {
    private Path hour;

    @Setup(Level.Trial)
    public void write() throws IOException {
        hour = BenchmarkFiles.simulated(3600);
    }

    @Benchmark
    public List<Lap> openAndSegment() throws IOException {
        try (IbtFile ibt = IbtFile.open(hour)) {
            return new LapSegmenter().segment(ibt);
        }
    }
}
