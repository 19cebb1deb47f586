package org.pitbox.core.engineer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.testing.EditableRecording;

class LapTableTest {
    /** Six laps of Monza from the pits, stopping at the end of lap 3. */
    static final SimOptions RACE = SimOptions.defaults().withLaps(6).withSeed(7).withPitLaps(3);
    static final SimulatedRecording RECORDING = SimulatedRecording.run(RACE);
    static final List<Double> SECTORS = SectorSplits.of(RECORDING.sessionInfoYaml());

    /** Lap {@code number} of {@link #RECORDING}. */
    static Lap lap(int number) {
        return new LapSegmenter(SECTORS).segment(RECORDING).stream().filter(l -> l.number() == number).findFirst()
                .orElseThrow();
    }

    @Test
    void cutsTheSameLapsAsTheRecordingWouldGive() {
        LapTable table = new LapTable(RECORDING.layout(), SECTORS);
        new Replay(RECORDING).all(table::update);
        List<Lap> batch = new LapSegmenter(SECTORS).segment(RECORDING);
        assertEquals(batch.subList(0, batch.size() - 1), table.laps(), "every lap but the one still going");
        assertEquals(3, table.sectorCount());
        assertTrue(table.laps().get(0).has(Lap.Flag.OUT_LAP), "the session starts in the pits");
        assertTrue(table.laps().stream().anyMatch(l -> l.number() == 3 && l.has(Lap.Flag.IN_LAP)));
        assertTrue(table.laps().stream().anyMatch(l -> l.number() == 4 && l.has(Lap.Flag.OUT_LAP)));
        assertTrue(table.laps().stream().filter(Lap::isClean).count() >= 4);
        for (Lap lap : table.laps()) {
            assertEquals(3, lap.sectorTimes().size());
            assertTrue(Double.isFinite(lap.fuelUsed()), lap.toString());
        }
    }

    @Test
    void marksTheBestLapAndTheBestSectors() {
        LapTable table = new LapTable(RECORDING.layout(), SECTORS);
        new Replay(RECORDING).all(table::update);
        List<Lap> laps = table.laps();
        Lap fastest = laps.stream().filter(Lap::isClean).min((a, b) -> Double.compare(a.lapTime(), b.lapTime()))
                .orElseThrow();
        assertSame(fastest, table.best());
        for (int s = 0; s < 3; s++) {
            int sector = s;
            double best = laps.stream().filter(l -> !l.has(Lap.Flag.OUT_LAP) && !l.has(Lap.Flag.IN_LAP))
                    .mapToDouble(l -> l.sectorTimes().get(sector)).filter(Double::isFinite).min().orElseThrow();
            assertEquals(best, table.bestSector(s));
            long marked = 0;
            for (int i = 0; i < laps.size(); i++) {
                if (table.isBestSector(i, s)) {
                    marked++;
                    assertEquals(best, laps.get(i).sectorTimes().get(s));
                }
            }
            assertEquals(1, marked, "one best time in sector " + s);
        }
        assertTrue(table.idealLapTime() <= fastest.lapTime() + 1e-9);
        assertTrue(table.idealLapTime() > fastest.lapTime() - 2, "the ideal lap is near the best");
        assertEquals(fastest.lapTime(), table.bestReference().bestTime(), 1e-9);
    }

    @Test
    void showsTheLapInProgressAgainstTheBest() {
        LapTable table = new LapTable(RECORDING.layout(), SECTORS);
        Replay replay = new Replay(RECORDING);
        int[] checked = {0};
        replay.all(frame -> {
            table.update(frame);
            if (table.best() != null && table.currentLap() >= 5 && table.currentLap() <= 7 && frame.tick() % 600 == 0) {
                assertTrue(Math.abs(table.currentDelta()) < 3, "delta " + table.currentDelta());
                checked[0]++;
            }
        });
        assertTrue(checked[0] > 25, "checked " + checked[0]);
        assertEquals(RECORDING.value(RECORDING.recordCount() - 1, RECORDING.layout().require("Lap"), 0),
                table.currentLap());
        assertTrue(table.currentLapTime() > 0);
    }

    @Test
    void keepsUpWhenFramesAreSkipped() {
        LapTable table = new LapTable(RECORDING.layout(), SECTORS);
        new Replay(RECORDING).rows(0, RECORDING.recordCount(), 3, table::update);
        List<Lap> batch = new LapSegmenter(SECTORS).segment(RECORDING);
        assertEquals(batch.size() - 1, table.laps().size());
        for (int i = 0; i < table.laps().size(); i++) {
            assertEquals(batch.get(i).lapTime(), table.laps().get(i).lapTime(), 0.02);
            assertEquals(batch.get(i).flags(), table.laps().get(i).flags());
        }
    }

    @Test
    void forgetsTheFramesOfALongWaitOffTrack() {
        int waiting = 5 * 60 * TelemetrySimulator.TICK_RATE;
        EditableRecording garage = EditableRecording.blank(RECORDING.layout(), waiting);
        for (int r = 0; r < waiting; r++) {
            garage.set(r, "SessionTime", (r - waiting) / 60.0);
            garage.set(r, "LapDistPct", -1);
        }
        EditableRecording session = EditableRecording.append(garage, RECORDING);
        LapTable table = new LapTable(session.layout(), SECTORS);
        new Replay(session).all(table::update);
        List<Lap> batch = new LapSegmenter(SECTORS).segment(session);
        assertEquals(batch.subList(0, batch.size() - 1), table.laps());
        assertEquals(waiting, table.laps().get(0).firstRecord(), "records count the frames fed");
    }

    @Test
    void staysEmptyWithoutLapChannels() {
        LapTable table = new LapTable(new ChannelLayout(List.of(), 0), SectorSplits.THIRDS);
        table.update(new Frame(TelemetrySimulator.layout()));
        assertTrue(table.laps().isEmpty());
        assertNull(table.best());
        assertFalse(table.idealLapTime() >= 0);
    }
}
