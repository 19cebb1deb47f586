package org.pitbox.core.analysis.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Sessions;
import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.testing.EditableRecording;

class FuelAnalysisTest {

    @Test
    void perLapAndAveragesMatchFuelStats() {
        SessionData s = Sessions.monza();
        AnalysisResult r = new FuelAnalysis().run(s, AnalysisMonitor.NONE);
        List<List<Object>> rows = r.table(FuelAnalysis.PER_LAP).rows();
        assertEquals(s.laps().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(s.laps().get(i).fuelUsed(), (Double) rows.get(i).get(2));
        }
        FuelStats stats = FuelStats.of(
                new LapSegmenter(Tracks.MONZA.sectorStarts()).segment(Sessions.monzaRecording()));
        assertEquals(stats.average(Integer.MAX_VALUE), r.figure(FuelAnalysis.AVERAGE).value());
        assertEquals(stats.average(5), r.figure(FuelAnalysis.LAST_5).value());
        assertEquals(stats.max(), r.figure(FuelAnalysis.MOST).value());
        assertEquals(Sessions.MONZA.litresPerLap(), stats.average(Integer.MAX_VALUE), 0.1 * Sessions.MONZA.litresPerLap());
        assertEquals(s.recordCount() / 60 + 1, r.series().get(0).size(), "fuel level once a second");
    }

    @Test
    void aShortSessionSaysWhatItHolds() {
        SimulatedRecording one = SimulatedRecording.run(SimOptions.defaults().withLaps(1).withSeed(3));
        AnalysisResult r = new FuelAnalysis().run(Sessions.of(one, Tracks.MONZA), AnalysisMonitor.NONE);
        assertTrue(r.summary().matches("1 stint; \\d\\.\\d{3} l a lap over 1 clean lap"), r.summary());
        assertTrue(r.figures().stream().noneMatch(f -> f.name().equals(FuelAnalysis.LAST_5)), "no average of 5");
        Lap out = new LapSegmenter().segment(one).get(0);
        EditableRecording outLap = EditableRecording.slice(one, 0, out.lastRecord() + 1);
        AnalysisResult none = new FuelAnalysis().run(Sessions.of(outLap, Tracks.MONZA), AnalysisMonitor.NONE);
        assertEquals("1 stint; -- a lap over 0 clean laps", none.summary());
    }

    @Test
    void thePitStopStartsTheSecondStint() {
        SessionData s = Sessions.monza();
        assertTrue(s.laps().stream()
                .anyMatch(l -> l.has(LapInfo.Flag.REFUEL) || l.has(LapInfo.Flag.OUT_LAP) && l.number() > 1));
        List<List<LapInfo>> stints = FuelAnalysis.stints(s.laps());
        AnalysisResult r = new FuelAnalysis().run(s, AnalysisMonitor.NONE);
        List<List<Object>> rows = r.table(FuelAnalysis.STINTS).rows();
        assertEquals(2, stints.size());
        assertEquals(stints.size(), rows.size());
        assertEquals(s.laps().size(), stints.stream().mapToInt(List::size).sum());
        for (int k = 0; k < stints.size(); k++) {
            List<LapInfo> stint = stints.get(k);
            assertEquals((double) stint.get(0).number(), rows.get(k).get(1));
            FuelStats stats = FuelStats.of(stint, LapInfo::isClean, LapInfo::fuelUsed, LapInfo::lapTime);
            assertEquals(stats.average(Integer.MAX_VALUE), (Double) rows.get(k).get(6), 1e-12);
            assertTrue(k == 0 || stint.get(0).has(LapInfo.Flag.OUT_LAP));
        }
    }
}
