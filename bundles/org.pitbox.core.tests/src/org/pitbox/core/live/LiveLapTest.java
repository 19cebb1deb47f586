package org.pitbox.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapDelta;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.Frame;

class LiveLapTest {
    private static final SimOptions RUN = SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(6).withSeed(11);

    @Test
    void agreesWithTheSegmentedRecording() {
        SimulatedRecording recording = SimulatedRecording.run(RUN);
        List<Lap> laps = new LapSegmenter().segment(recording);
        Lap reference = laps.stream().filter(Lap::isClean).findFirst().orElseThrow();
        LiveLap live = new LiveLap(recording.layout());
        live.setReference(LapDelta.of(recording, reference));
        Frame frame = new Frame(recording.layout());
        ByteBuffer rows = recording.rows();
        int rowLength = recording.layout().rowLength();
        for (int r = reference.firstRecord(); r <= reference.lastRecord(); r++) {
            frame.row().put(0, rows, recording.rowStart(r), rowLength);
            frame.setTick(r);
            live.update(frame);
            if (r > reference.firstRecord() + 10) {
                assertEquals(0, live.delta(), 0.02, "the reference lap against itself, record " + r);
            }
        }
        for (int r = reference.lastRecord() + 1; r < recording.recordCount(); r++) {
            frame.row().put(0, rows, recording.rowStart(r), rowLength);
            live.update(frame);
        }
        double cleanAverage = laps.stream().filter(Lap::isClean).mapToDouble(Lap::fuelUsed).average().orElseThrow();
        assertEquals(cleanAverage, live.averageLapFuel(), cleanAverage * 0.1, "fuel per lap, live and recorded");
        assertEquals(live.fuel() / live.averageLapFuel(), live.lapsOfFuel(), 1e-9);
    }

    @Test
    void toleratesLayoutsWithoutLapChannels() {
        LiveLap live = new LiveLap(new org.pitbox.core.telemetry.ChannelLayout(List.of(), 0));
        live.update(new Frame(TelemetrySimulator.layout()));
        assertTrue(Double.isNaN(live.lapTime()));
        assertTrue(Double.isNaN(live.delta()));
    }
}
