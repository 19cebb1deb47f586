package org.pitbox.core.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Track;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.testing.EditableRecording;

class LapSegmenterTest {

    static Stream<Arguments> sessions() {
        List<Arguments> args = new ArrayList<>();
        long seed = 1;
        for (Track t : Tracks.all()) {
            for (int laps : new int[] {1, 3, 6}) {
                args.add(Arguments.of(t.name(), laps, seed++));
                args.add(Arguments.of(t.name(), laps, seed * 7919));
            }
        }
        return args.stream();
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void simulatedSessionsSplitIntoTheLapsDriven(String track, int laps, long seed) {
        Track t = Tracks.find(track).orElseThrow();
        TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withTrack(t).withLaps(laps).withSeed(seed));
        double ideal = sim.idealLapTime();
        SimulatedRecording r = new SimulatedRecording(sim);
        List<Lap> result = new LapSegmenter(t.sectorStarts()).segment(r);

        assertEquals(laps + 3, result.size(), "out-lap, timed laps, cool-down in-lap, pit-road stub");
        assertEquals(Set.of(Flag.OUT_LAP, Flag.INCOMPLETE), result.get(0).flags());
        for (int i = 1; i <= laps; i++) {
            Lap lap = result.get(i);
            assertTrue(lap.isClean(), "lap " + lap);
            assertTrue(lap.lapTime() > ideal * 0.99 && lap.lapTime() < ideal * 1.04, "lap time " + lap.lapTime()
                    + " against ideal " + ideal);
            double sectors = lap.sectorTimes().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(lap.lapTime(), sectors, 1e-9);
            assertEquals(t.sectorStarts().size(), lap.sectorTimes().size());
        }
        assertEquals(Set.of(Flag.IN_LAP), result.get(laps + 1).flags());
        assertEquals(Set.of(Flag.IN_LAP, Flag.INCOMPLETE), result.get(laps + 2).flags());

        double sum = result.stream().mapToDouble(Lap::lapTime).sum();
        double span = r.value(r.recordCount() - 1, r.layout().require("SessionTime"), 0);
        assertEquals(span, sum, 1e-6);
        for (int i = 1; i < result.size(); i++) {
            assertEquals(result.get(i - 1).number() + 1, result.get(i).number());
            assertEquals(result.get(i - 1).lastRecord() + 1, result.get(i).firstRecord());
            assertEquals(result.get(i - 1).endTime(), result.get(i).startTime());
        }
    }

    @Test
    void pitStopMarksInAndOutLaps() {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.RED_BULL_RING)
                .withLaps(6).withPitLaps(4).withFuel(12, 100, 2.5));
        List<Lap> laps = new LapSegmenter().segment(r);
        Lap in = byNumber(laps, 4);
        Lap out = byNumber(laps, 5);
        assertEquals(Set.of(Flag.IN_LAP), in.flags());
        assertEquals(Set.of(Flag.OUT_LAP, Flag.REFUEL), out.flags());
        assertTrue(out.fuelUsed() < 0, "refuelled during the out-lap");
        assertTrue(out.lapTime() > byNumber(laps, 3).lapTime() + 10, "the stop costs time");
        assertEquals(laps.size() - 5, laps.stream().filter(Lap::isClean).count());
    }

    @Test
    void recordingStartingMidLapIsIncomplete() {
        SimulatedRecording full = SimulatedRecording.run(SimOptions.defaults().withLaps(4).withSeed(3));
        List<Lap> all = new LapSegmenter().segment(full);
        Lap third = all.get(2);
        int from = (third.firstRecord() + third.lastRecord()) / 2;
        EditableRecording cut = EditableRecording.slice(full, from, full.recordCount());
        List<Lap> laps = new LapSegmenter().segment(cut);

        assertEquals(all.size() - 2, laps.size());
        Lap first = laps.get(0);
        assertEquals(third.number(), first.number());
        assertEquals(Set.of(Flag.INCOMPLETE), first.flags(), "on track, so not an out-lap");
        assertTrue(first.startPct() > 0.3 && first.startPct() < 0.7);
        assertEquals(all.get(3).lapTime(), laps.get(1).lapTime(), 1e-9);
    }

    @Test
    void withoutPitChannelMidLapStartIsAnOutLap() {
        SimulatedRecording full = SimulatedRecording.run(SimOptions.defaults().withLaps(2));
        EditableRecording r = EditableRecording.slice(full, 9000, full.recordCount()).without("OnPitRoad");
        List<Lap> laps = new LapSegmenter().segment(r);
        assertEquals(Set.of(Flag.OUT_LAP, Flag.INCOMPLETE), laps.get(0).flags());
        assertTrue(laps.get(1).isClean());
    }

    @Test
    void noiseNearTheLineAndInvalidRowsDoNotAddLaps() {
        SimulatedRecording full = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(8).withSeed(11));
        List<Lap> clean = new LapSegmenter().segment(full);
        EditableRecording r = EditableRecording.slice(full, 0, full.recordCount());
        for (Lap lap : clean.subList(1, clean.size())) {
            int f = lap.firstRecord();
            r.set(f + 1, "LapDistPct", 0.99995);
            r.set(f + 1, "Lap", lap.number() - 1);
            r.set(f + 3, "LapDistPct", 0.99999);
            int mid = (lap.firstRecord() + lap.lastRecord()) / 2;
            r.set(mid, "LapDistPct", -1);
            r.set(mid + 5, "LapDistPct", Float.NaN);
            r.set(mid + 9, "SessionTime", r.get(mid + 8, "SessionTime"));
        }
        List<Lap> noisy = new LapSegmenter().segment(r);
        assertEquals(clean.size(), noisy.size());
        for (int i = 0; i < clean.size(); i++) {
            assertEquals(clean.get(i).flags(), noisy.get(i).flags());
            assertEquals(clean.get(i).lapTime(), noisy.get(i).lapTime(), 1e-9);
        }
    }

    @Test
    void teleportBreaksTheLap() {
        SimulatedRecording full = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(6).withSeed(5));
        List<Lap> laps = new LapSegmenter().segment(full);
        Lap a = laps.get(2);
        Lap b = laps.get(4);
        int cutA = a.firstRecord() + 300;
        int cutB = b.firstRecord() + 800;
        EditableRecording r = EditableRecording.concat(full, 0, cutA, cutB, full.recordCount());
        double dt = r.get(cutA, "SessionTime") - r.get(cutA - 1, "SessionTime") - 1.0 / 60;
        for (int i = cutA; i < r.recordCount(); i++) {
            r.set(i, "SessionTime", r.get(i, "SessionTime") - dt);
        }
        List<Lap> result = new LapSegmenter().segment(r);
        Lap before = byNumber(result, a.number());
        Lap after = byNumber(result, b.number());
        assertEquals(Set.of(Flag.INCOMPLETE), before.flags());
        assertEquals(Set.of(Flag.INCOMPLETE), after.flags());
        assertEquals(laps.get(5).lapTime(), result.get(result.indexOf(after) + 1).lapTime(), 1e-9);
    }

    @Test
    void newSessionRestartsTheLaps() {
        SimulatedRecording one = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(2));
        SimulatedRecording two = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(3));
        List<Lap> laps = new LapSegmenter().segment(EditableRecording.append(one, two));
        assertEquals(5 + 6, laps.size());
        assertEquals(1, laps.get(5).number());
        assertFalse(laps.get(5).has(Flag.IN_LAP));
    }

    /** How long it takes is measured by the benchmarks (OpenSessionBenchmark), not asserted here. */
    @Test
    void anHourSplitsIntoItsLaps() {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withDuration(3600));
        List<Lap> laps = new LapSegmenter(Tracks.MONZA.sectorStarts()).segment(r);
        assertTrue(r.recordCount() > 216_000);
        double span = r.value(r.recordCount() - 1, r.layout().require("SessionTime"), 0);
        assertEquals(span, laps.stream().mapToDouble(Lap::lapTime).sum(), 1e-6, "the laps cover the hour");
        assertTrue(laps.stream().filter(Lap::isClean).count() > 20, "clean laps " + laps.size());
    }

    private static Lap byNumber(List<Lap> laps, int number) {
        return laps.stream().filter(l -> l.number() == number).findFirst().orElseThrow();
    }
}
