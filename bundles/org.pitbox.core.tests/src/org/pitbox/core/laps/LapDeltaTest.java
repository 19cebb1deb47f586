package org.pitbox.core.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.testing.EditableRecording;

class LapDeltaTest {
    private final SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.RED_BULL_RING)
            .withLaps(3).withSeed(2));
    private final List<Lap> laps = new LapSegmenter().segment(r);

    @Test
    void lapAgainstItselfIsZeroEverywhere() {
        Lap lap = laps.get(2);
        LapDelta.Trace t = LapDelta.between(r, lap, lap);
        assertTrue(t.distancePct().length > 1000);
        for (double d : t.deltaSeconds()) {
            assertEquals(0, d, 1e-12);
        }
        LapDelta ref = LapDelta.of(r, lap);
        assertEquals(0, ref.timeAt(0));
        assertEquals(lap.lapTime(), ref.timeAt(1), 1e-12);
        assertEquals(lap.lapTime(), ref.lapTime(), 1e-12);
    }

    @Test
    void uniformlySlowerLapLosesTimeSteadily() {
        EditableRecording slow = EditableRecording.slice(r, 0, r.recordCount());
        for (int i = 0; i < slow.recordCount(); i++) {
            slow.set(i, "SessionTime", slow.get(i, "SessionTime") * 1.02);
        }
        Lap ref = laps.get(2);
        Lap slower = new LapSegmenter().segment(slow).get(2);
        LapDelta.Trace t = LapDelta.of(r, ref).trace(slow, slower);
        double[] d = t.deltaSeconds();
        for (int i = 1; i < d.length; i++) {
            assertTrue(d[i] >= d[i - 1] - 1e-9, "delta falls at " + t.distancePct()[i]);
        }
        assertEquals(0.02 * ref.lapTime(), d[d.length - 1], 1e-6);
        assertEquals(0.02 * ref.lapTime() / 2, d[d.length / 2], 0.02 * ref.lapTime() / 4);
    }

    @Test
    void liveDeltaMatchesTheReferenceAndDoesNotAllocate() {
        Lap ref = laps.get(2);
        LapDelta delta = LapDelta.of(r, ref);
        assertEquals(1.5, delta.delta(0.5, delta.timeAt(0.5) + 1.5), 1e-12);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += delta.delta(i / 200_000.0, 10);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 200_000; i++) {
            sum += delta.delta(i / 200_000.0, 10);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 10_000, allocated + " bytes");
        assertTrue(Double.isFinite(sum));
    }

    @Test
    void incompleteReferenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LapDelta.of(r, laps.get(0)));
    }
}
