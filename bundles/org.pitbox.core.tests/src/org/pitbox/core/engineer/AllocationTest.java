package org.pitbox.core.engineer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.sim.SimulatedRecording;

class AllocationTest {
    private static final SimulatedRecording RECORDING = LapTableTest.RECORDING;

    /** The four models, fed together as the engineer's screens feed them. */
    private static final class Models {
        final LapTable table = new LapTable(RECORDING.layout(), LapTableTest.SECTORS);
        final LapTraces traces = new LapTraces(RECORDING.layout(), table);
        final TrackMap map = new TrackMap(RECORDING.layout());
        final CarState car = new CarState(RECORDING.layout(), table);
        final Replay replay = new Replay(RECORDING);

        void feed(int from, int to) {
            replay.rows(from, to, 1, frame -> {
                table.update(frame);
                traces.update(frame);
                map.update(frame);
                car.update(frame);
            });
        }
    }

    @Test
    void framesWithinALapAllocateNothing() {
        allocatedWithinALap();
        long allocated = allocatedWithinALap();
        assertTrue(allocated < 1024, "5000 frames allocated " + allocated + " bytes");
    }

    /** Bytes allocated by 5000 frames inside lap 6, once the models are past their first laps. */
    private static long allocatedWithinALap() {
        Models models = new Models();
        Lap lap = LapTableTest.lap(6);
        int from = lap.firstRecord() + 100;
        models.feed(0, from);
        assertTrue(models.map.ready() && models.traces.bestLap() != null, "every model is past its first lap");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        models.feed(from, from + 5000);
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
