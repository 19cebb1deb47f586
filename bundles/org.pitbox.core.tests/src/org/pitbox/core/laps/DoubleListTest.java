package org.pitbox.core.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;

/** Sector times are kept unboxed and still behave as the immutable lists they were. */
class DoubleListTest {
    @Test
    void equalsAnyListOfTheSameValuesAndCannotChange() {
        double[] values = {1.5, Double.NaN, 3};
        DoubleList list = DoubleList.of(values);
        values[0] = 9;
        assertEquals(List.of(1.5, Double.NaN, 3.0), list);
        assertEquals(List.of(1.5, Double.NaN, 3.0).hashCode(), list.hashCode());
        assertEquals(1.5, list.getDouble(0));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, 2.0));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(3));
        assertThrows(NullPointerException.class, () -> DoubleList.copyOf(Arrays.asList(1.0, null)));
        assertSame(list, DoubleList.copyOf(list));
    }

    @Test
    void segmentedLapsAndTheirPluginViewKeepSectorTimesUnboxed() {
        SimulatedRecording r = new SimulatedRecording(new TelemetrySimulator(
                SimOptions.defaults().withTrack(Tracks.MONZA).withLaps(1)));
        List<Lap> laps = new LapSegmenter(Tracks.MONZA.sectorStarts()).segment(r);
        Lap lap = laps.get(1);
        assertInstanceOf(DoubleList.class, lap.sectorTimes());
        assertEquals(Tracks.MONZA.sectorStarts().size(), lap.sectorTimes().size());
        LapInfo info = new LapInfo(lap.number(), lap.firstRecord(), lap.lastRecord(), lap.startTime(), lap.endTime(),
                lap.startPct(), lap.endPct(), Set.of(), List.copyOf(lap.sectorTimes()), lap.fuelUsed());
        assertInstanceOf(DoubleList.class, info.sectorTimes());
        assertEquals(lap.sectorTimes(), info.sectorTimes());
    }
}
