package org.pitbox.core.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.core.laps.Lap.Flag;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Track;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.core.testing.EditableRecording;

/** The live lap tracker, fed one frame at a time as a feed gives them, against the segmented recording. */
class LapTrackerTest {

    static Stream<Arguments> sessions() {
        List<Arguments> args = new ArrayList<>();
        long seed = 3;
        for (Track t : Tracks.all()) {
            args.add(Arguments.of(t.name(), SimOptions.defaults().withTrack(t).withLaps(4).withSeed(seed++)));
            args.add(Arguments.of(t.name() + " with a stop", SimOptions.defaults().withTrack(t).withLaps(5)
                    .withPitLaps(3).withFuel(30, 60, Double.NaN).withSeed(seed++)));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void liveFramesGiveTheLapsOfTheFile(String name, SimOptions options) {
        SimulatedRecording r = SimulatedRecording.run(options);
        List<Double> sectors = options.track().sectorStarts();
        List<Lap> file = new LapSegmenter(sectors).segment(r);
        LapTracker tracker = new LapTracker(r.layout(), sectors, r.tickRate());
        List<Lap> live = feed(r, tracker);
        assertEquals(file.subList(0, file.size() - 1), live, "every lap but the one still going");
        assertTrue(tracker.finish());
        assertEquals(file.get(file.size() - 1), tracker.lap(), "the lap in progress, ended where the data ends");
        assertTrue(live.stream().anyMatch(Lap::isClean));
    }

    @Test
    void noisyFramesGiveTheLapsOfTheNoisyFile() {
        SimulatedRecording full = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(8).withSeed(11));
        List<Lap> clean = new LapSegmenter().segment(full);
        EditableRecording r = EditableRecording.slice(full, 0, full.recordCount());
        for (Lap lap : clean.subList(1, clean.size() - 1)) {
            int mid = (lap.firstRecord() + lap.lastRecord()) / 2;
            r.set(lap.firstRecord() + 1, "LapDistPct", 0.99995);
            r.set(mid, "LapDistPct", -1);
            r.set(mid + 9, "SessionTime", r.get(mid + 8, "SessionTime"));
        }
        int jump = clean.get(4).firstRecord() + 300;
        r.set(jump, "LapDistPct", r.get(jump, "LapDistPct") + 0.2);
        List<Lap> file = new LapSegmenter().segment(r);
        List<Lap> live = feed(r, new LapTracker(r.layout(), List.of(), 60));
        assertEquals(file.subList(0, file.size() - 1), live);
        assertTrue(live.stream().filter(l -> l.has(Flag.INCOMPLETE)).count() > 2, "the jump breaks a lap");
    }

    @Test
    void leavingTheTrackFlagsTheLap() {
        SimulatedRecording full = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(4).withSeed(2));
        Lap third = new LapSegmenter().segment(full).get(3);
        EditableRecording r = EditableRecording.slice(full, 0, full.recordCount());
        r.set((third.firstRecord() + third.lastRecord()) / 2, "PlayerTrackSurface", 0);
        List<Lap> laps = feed(r, new LapTracker(r.layout(), List.of(), 60));
        assertEquals(Set.of(Flag.OFF_TRACK), laps.get(3).flags());
        assertTrue(laps.get(2).isClean() && laps.get(4).isClean(), "only that lap");
        assertEquals("off track", Flag.OFF_TRACK.label());
    }

    @Test
    void joiningMidSessionIsLikeAFileThatStartsThere() {
        SimulatedRecording full = SimulatedRecording.run(SimOptions.defaults().withLaps(4).withSeed(3));
        Lap second = new LapSegmenter().segment(full).get(2);
        int from = (second.firstRecord() + second.lastRecord()) / 2;
        EditableRecording joined = EditableRecording.slice(full, from, full.recordCount());
        List<Lap> file = new LapSegmenter().segment(joined);
        List<Lap> live = feed(joined, new LapTracker(joined.layout(), List.of(), 60));
        assertEquals(file.subList(0, file.size() - 1), live);
        assertEquals(Set.of(Flag.INCOMPLETE), live.get(0).flags(), "joined on track: not a reference");
    }

    @Test
    void withoutLapChannelsNoLaps() {
        EditableRecording r = EditableRecording.slice(SimulatedRecording.run(SimOptions.defaults().withLaps(1)), 0,
                5000);
        assertTrue(new LapTracker(r.layout(), List.of(), 60).usable());
        EditableRecording hidden = r.without("Lap");
        LapTracker none = new LapTracker(hidden.layout(), List.of(), 60);
        assertFalse(none.usable());
        assertEquals(List.of(), feed(hidden, none));
        assertNull(none.lap());
        assertFalse(none.finish());
    }

    @Test
    void stepsWithinALapAllocateNothing() {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withLaps(2).withSeed(4));
        Lap lap = new LapSegmenter().segment(r).get(1);
        LapTracker tracker = new LapTracker(r.layout(), Tracks.MONZA.sectorStarts(), 60);
        Frame frame = new Frame(r.layout());
        for (int i = 0; i < lap.firstRecord() + 10; i++) {
            step(r, frame, tracker, i);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int ended = 0;
        for (int i = lap.firstRecord() + 10; i <= lap.lastRecord() + 1; i++) {
            ended += step(r, frame, tracker, i) ? 1 : 0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(1, ended, "the lap ends at the line");
        assertTrue(allocated < 1024, "a lap of frames allocated " + allocated + " bytes");
        assertEquals(lap.lapTime(), tracker.lastLapTime(), 1e-9);
        assertTrue(tracker.lastLapClean());
    }

    /** The rows of {@code r} through a frame, collecting the laps that end. */
    private static List<Lap> feed(Recording r, LapTracker tracker) {
        Frame frame = new Frame(r.layout());
        List<Lap> laps = new ArrayList<>();
        for (int i = 0; i < r.recordCount(); i++) {
            if (step(r, frame, tracker, i)) {
                laps.add(tracker.lap());
            }
        }
        return laps;
    }

    private static boolean step(Recording r, Frame frame, LapTracker tracker, int record) {
        frame.row().put(0, r.rows(), r.rowStart(record), r.layout().rowLength());
        return tracker.step(frame.row(), 0, record);
    }
}
