package org.pitbox.core.engineer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.live.BestLap;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.telemetry.ChannelDescriptor;

class LapTracesTest {
    private static final SimulatedRecording RECORDING = LapTableTest.RECORDING;

    private final LapTable table = new LapTable(RECORDING.layout(), LapTableTest.SECTORS);
    private final LapTraces traces = new LapTraces(RECORDING.layout(), table);
    private final Replay replay = new Replay(RECORDING);

    private void feed(int from, int to) {
        replay.rows(from, to, 1, frame -> {
            traces.update(frame);
            table.update(frame);
        });
    }

    @Test
    void tracesEveryScalarChannel() {
        assertTrue(traces.channels().containsAll(
                java.util.List.of("Speed", "Throttle", "Brake", "Gear", "SteeringWheelAngle", "RPM", "LFtempCM")));
        assertTrue(traces.has("Lat"));
        assertThrows(IllegalArgumentException.class, () -> traces.current("NoSuchChannel"));
        assertEquals(LapTraces.BINS, traces.bins());
        assertEquals(0.5, traces.distance(500), 1e-12);
    }

    @Test
    void theBestLapIsTheTablesWithItsValuesAgainstDistance() {
        feed(0, RECORDING.recordCount());
        Lap best = table.best();
        assertSame(best, traces.bestLap());
        float[] speed = traces.best("Speed");
        ChannelDescriptor speedChannel = RECORDING.layout().require("Speed");
        ChannelDescriptor pctChannel = RECORDING.layout().require("LapDistPct");
        int checked = 0;
        for (int r = best.firstRecord() - 1; r <= best.lastRecord(); r++) {
            boolean start = r < best.firstRecord();
            boolean end = r == best.lastRecord();
            double p0 = RECORDING.value(r, pctChannel, 0) - (start ? 1 : 0);
            double p1 = RECORDING.value(r + 1, pctChannel, 0) + (end ? 1 : 0);
            double v0 = RECORDING.value(r, speedChannel, 0);
            double v1 = RECORDING.value(r + 1, speedChannel, 0);
            for (int bin = (int) Math.ceil(p0 * traces.bins()); bin < p1 * traces.bins() && bin < traces.bins(); bin++) {
                double expected = start ? v1 : end ? v0 : v0 + (traces.distance(bin) - p0) / (p1 - p0) * (v1 - v0);
                assertEquals(expected, speed[bin], 1e-4, "speed at bin " + bin + (start || end ? " across the line" : ""));
                checked++;
            }
        }
        assertEquals(traces.bins(), checked, "every bin lies between two samples of the lap");
        BestLap reference = table.bestReference();
        float[] elapsed = traces.best("LapCurrentLapTime");
        for (int bin = 0; bin < traces.bins(); bin += 10) {
            assertEquals(reference.timeAt(traces.distance(bin)), elapsed[bin], 0.03, "lap time at bin " + bin);
            assertTrue(traces.best("Gear")[bin] == Math.rint(traces.best("Gear")[bin]), "gears are whole");
        }
    }

    @Test
    void theCurrentLapFillsUpToTheCarAndShowsTheDelta() {
        Lap lap = LapTableTest.lap(5);
        assertTrue(lap.isClean(), "lap 5 is driven when the table already has a best lap");
        int middle = (lap.firstRecord() + lap.lastRecord()) / 2;
        feed(0, middle);
        double pct = RECORDING.value(middle - 1, RECORDING.layout().require("LapDistPct"), 0);
        int reached = (int) (pct * traces.bins());
        float[] throttle = traces.current("Throttle");
        float[] delta = traces.delta();
        for (int bin = 0; bin < traces.bins(); bin++) {
            assertEquals(bin <= reached, !Float.isNaN(throttle[bin]), "bin " + bin + " against " + reached);
            assertEquals(bin <= reached, !Float.isNaN(delta[bin]), "delta at bin " + bin);
        }
        assertEquals(table.currentDelta(), delta[reached], 0.05, "the table's live delta at the car");
        assertTrue(Math.abs(delta[reached]) < 3);
    }

    @Test
    void aFasterLapBecomesTheBestTrace() {
        feed(0, RECORDING.recordCount());
        Lap best = table.best();
        Lap firstClean = table.laps().stream().filter(Lap::isClean).findFirst().orElseThrow();
        assertTrue(best.number() > firstClean.number(), "the sim's best is not its first clean lap: " + best);
        float[] lapTimes = traces.best("LapCurrentLapTime");
        assertEquals(best.lapTime(), lapTimes[traces.bins() - 1], 0.2);
    }

    @Test
    void noBestBeforeACleanLap() {
        feed(0, 3000);
        assertNull(traces.bestLap());
        assertTrue(Float.isNaN(traces.best("Speed")[10]));
        assertTrue(Float.isNaN(traces.delta()[10]));
    }
}
