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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.live.LiveTelemetryReader;

/**
 * The driver overlay's model update per frame (the paint is timed in the UI test, which has a display): each call
 * copies the next row of a recording into the frame, as a live feed does, and updates the model, texts included.
 * {@code simulator}: a simulated Monza race; {@code ibt}: the real Langley recording from ../shared; {@code live}:
 * one frame of the 2024 Monza shared-memory dump, updated again and again (it has the CarIdx arrays, so the
 * relative box is built each time).
 * SampleTime gives the percentiles; run with -prof gc for allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OverlayBenchmark {
    @Param({"simulator", "ibt", "live"})
    public String source;

    private Recording recording;
    private Frame frame;
    private OverlayModel model;
    private int record;

    @Setup(Level.Trial)
    public void open() throws IOException {
        model = new OverlayModel();
        if (source.equals("live")) {
            Path dump = BenchmarkFiles.real("../live/teamjorge_live_monza_2024.bin");
            LiveTelemetryReader reader = LiveTelemetryReader.over(
                    ByteBuffer.wrap(Files.readAllBytes(dump)).order(ByteOrder.LITTLE_ENDIAN));
            frame = reader.newFrame();
            reader.read(frame);
            return;
        }
        recording = source.equals("ibt")
                ? IbtFile.open(BenchmarkFiles.real("robroberts_skmodified_langley_2015-05-28_14-50-46.ibt"))
                : SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MONZA).withLaps(3).withSeed(5));
        frame = new Frame(recording.layout());
    }

    @Benchmark
    public long updateAndFormat() {
        if (recording != null) {
            record = (record + 1) % recording.recordCount();
            frame.row().put(0, recording.rows(), recording.rowStart(record), recording.layout().rowLength());
            frame.setTick(record);
        }
        model.update(frame);
        return model.relative().rows() + model.speedText().length() + model.rpmText().length() + model.gearText().length()
                + model.lapTimeText().length() + model.deltaText().length() + model.fuelText().length()
                + model.fuelToAddText().length();
    }
}
