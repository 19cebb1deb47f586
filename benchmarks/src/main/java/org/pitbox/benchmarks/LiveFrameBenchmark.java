package org.pitbox.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.pitbox.core.live.LiveLap;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.live.LiveTelemetryReader;

/**
 * The live path per frame: read the newest row out of a shared-memory image (the 2024 Monza dump, 323 channels,
 * 8 kB rows) through the rotating-buffer reader, then update the lap and fuel engine (lap tracking, lap time,
 * delta to the best lap, fuel). Each call bumps the buffer's tick so the reader copies a new row. Run with -prof gc for allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LiveFrameBenchmark {
    private ByteBuffer image;
    private LiveTelemetryReader reader;
    private Frame frame;
    private LiveLap derived;
    private int tickAt;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path dump = BenchmarkFiles.real("../live/teamjorge_live_monza_2024.bin");
        image = ByteBuffer.wrap(Files.readAllBytes(dump)).order(ByteOrder.LITTLE_ENDIAN);
        reader = LiveTelemetryReader.over(image);
        frame = reader.newFrame();
        derived = new LiveLap(reader.layout());
        int current = image.get(44) & 0xFF;
        tickAt = 48 + 16 * current;
    }

    @Benchmark
    public double readAndDerive() {
        int tick = image.getInt(tickAt) + 1;
        image.putInt(tickAt, tick);
        image.putInt(tickAt + 8, tick);
        reader.read(frame);
        derived.update(frame);
        return derived.lapTime();
    }
}
