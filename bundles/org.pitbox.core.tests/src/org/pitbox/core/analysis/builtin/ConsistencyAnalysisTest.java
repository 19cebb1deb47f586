package org.pitbox.core.analysis.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Sessions;
import org.pitbox.core.sim.Tracks;

class ConsistencyAnalysisTest {

    @Test
    void identicalLapsHaveNoSpread() {
        LapInfo lap = Sessions.monza().cleanLaps().get(0);
        SessionData s = Sessions.of(Sessions.repeat(Sessions.monzaRecording(), lap, 6), Tracks.MONZA);
        AnalysisResult r = new ConsistencyAnalysis().run(s, AnalysisMonitor.NONE);
        assertEquals(4.0, r.figure("Clean laps").value());
        assertEquals(lap.lapTime(), r.figure(ConsistencyAnalysis.MEAN).value(), 0.02);
        assertEquals(0, r.figure(ConsistencyAnalysis.STD_DEV).value(), 1e-6);
        assertEquals(0, r.figure(ConsistencyAnalysis.SPREAD).value(), 1e-6);
        for (List<Object> row : r.table(ConsistencyAnalysis.SECTORS).rows()) {
            assertEquals(0, (Double) row.get(3), 1e-6);
            assertEquals(0, (Double) row.get(4), 1e-6);
        }
    }

    @Test
    void spreadAndDeviationOfTheSimulatedLaps() {
        SessionData s = Sessions.monza();
        double[] t = s.cleanLaps().stream().mapToDouble(LapInfo::lapTime).toArray();
        double mean = java.util.Arrays.stream(t).average().orElseThrow();
        double sq = java.util.Arrays.stream(t).map(x -> (x - mean) * (x - mean)).sum();
        AnalysisResult r = new ConsistencyAnalysis().run(s, AnalysisMonitor.NONE);
        assertEquals(Math.sqrt(sq / (t.length - 1)), r.figure(ConsistencyAnalysis.STD_DEV).value(), 1e-9);
        assertEquals(java.util.Arrays.stream(t).max().getAsDouble() - java.util.Arrays.stream(t).min().getAsDouble(),
                r.figure(ConsistencyAnalysis.SPREAD).value(), 1e-9);
        assertEquals(3, r.table(ConsistencyAnalysis.SECTORS).rows().size());
    }

    @Test
    void oneCleanLapIsNotEnough() {
        LapInfo lap = Sessions.monza().cleanLaps().get(0);
        SessionData s = Sessions.of(Sessions.repeat(Sessions.monzaRecording(), lap, 3), Tracks.MONZA);
        AnalysisResult r = new ConsistencyAnalysis().run(s, AnalysisMonitor.NONE);
        assertEquals("consistency needs two clean laps, the session has 1", r.summary());
        assertEquals(0, r.figures().size());
    }
}
