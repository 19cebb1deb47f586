package org.pitbox.core.analysis.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.Series;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Sessions;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.testing.EditableRecording;

class LapTimesAnalysisTest {

    @Test
    void oneLapIsOneLap() {
        SimulatedRecording one = SimulatedRecording.run(SimOptions.defaults().withLaps(1).withSeed(3));
        Lap out = new LapSegmenter().segment(one).get(0);
        SessionData outLap = Sessions.of(EditableRecording.slice(one, 0, out.lastRecord() + 1), Tracks.MONZA);
        assertEquals("1 lap, none clean", new LapTimesAnalysis().run(outLap, AnalysisMonitor.NONE).summary());
    }

    @Test
    void theoreticalBestIsTheSumOfTheBestSectorsOfTheCleanLaps() {
        SessionData s = Sessions.monza();
        AnalysisResult r = new LapTimesAnalysis().run(s, AnalysisMonitor.NONE);
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            int sector = k;
            sum += s.cleanLaps().stream().mapToDouble(l -> l.sectorTimes().get(sector)).min().orElseThrow();
        }
        double best = s.referenceLap().orElseThrow().lapTime();
        assertEquals(sum, r.figure(LapTimesAnalysis.THEORETICAL).value(), 1e-9);
        assertEquals(best, r.figure(LapTimesAnalysis.BEST).value());
        assertTrue(sum <= best + 1e-9);
        assertEquals(best - sum, r.figure(LapTimesAnalysis.GAIN).value(), 1e-9);
        assertEquals(s.laps().size(), r.table(LapTimesAnalysis.LAPS).rows().size());
        assertEquals(3, r.table(LapTimesAnalysis.SECTORS).rows().size());
        assertEquals(s.cleanLaps().size(), r.series().size(), "one delta trace per clean lap");
        Series own = r.series().stream().filter(x -> x.lap() == s.referenceLap().get().number()).findFirst().orElseThrow();
        for (int i = 0; i < own.size(); i++) {
            assertEquals(0, own.y(i), 1e-9, "the reference lap has no delta to itself");
        }
    }

    @Test
    void lapsAreListedWithFlagsAndIncompleteLapsHaveNoTime() {
        SessionData s = Sessions.monza();
        List<List<Object>> rows = new LapTimesAnalysis().run(s, AnalysisMonitor.NONE).table(LapTimesAnalysis.LAPS).rows();
        LapInfo first = s.laps().get(0);
        assertEquals((double) first.number(), rows.get(0).get(0));
        assertTrue(((Double) rows.get(0).get(1)).isNaN(), "the first lap starts in the pits and is incomplete");
        assertTrue(((String) rows.get(0).get(rows.get(0).size() - 1)).contains("incomplete"));
    }

    @Test
    void identicalLapsHaveNothingToGain() {
        LapInfo lap = Sessions.monza().referenceLap().orElseThrow();
        SessionData s = Sessions.of(Sessions.repeat(Sessions.monzaRecording(), lap, 4), Tracks.MONZA);
        AnalysisResult r = new LapTimesAnalysis().run(s, AnalysisMonitor.NONE);
        assertEquals(2, s.cleanLaps().size());
        assertEquals(0, r.figure(LapTimesAnalysis.GAIN).value(), 1e-6);
    }

    @Test
    void aSessionWithoutLapsSaysSo() {
        SessionData s = Sessions.of(Sessions.repeat(Sessions.monzaRecording(), Sessions.monza().laps().get(1), 1)
                .without("Lap"), Tracks.MONZA);
        assertEquals("no laps in this session", new LapTimesAnalysis().run(s, AnalysisMonitor.NONE).summary());
    }
}
