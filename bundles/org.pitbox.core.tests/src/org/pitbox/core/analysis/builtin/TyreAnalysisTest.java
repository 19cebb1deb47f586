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
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.testing.EditableRecording;

class TyreAnalysisTest {

    @Test
    void carcassTemperaturesOfTheSimulatorAreAveragedOverTheCleanLaps() {
        SessionData s = Sessions.monza();
        AnalysisResult r = new TyreAnalysis().run(s, AnalysisMonitor.NONE);
        List<List<Object>> rows = r.table(TyreAnalysis.TABLE).rows();
        assertEquals(List.of("LF", "RF", "LR", "RR"), rows.stream().map(row -> row.get(0)).toList());
        double sum = 0;
        int n = 0;
        for (LapInfo lap : s.cleanLaps()) {
            for (int i = lap.firstRecord(); i <= lap.lastRecord(); i++, n++) {
                sum += s.channel("LFtempCL").get(i);
            }
        }
        assertEquals(sum / n, (Double) rows.get(0).get(1), 1e-9, "LF outer is its left zone");
        for (List<Object> row : rows) {
            assertTrue((Double) row.get(5) > 0, "the simulator's tyres are hotter inside: " + row);
        }
        assertEquals(4, r.series().size());
        assertTrue(r.summary().startsWith("carcass"), r.summary());
    }

    @Test
    void surfaceTemperaturesServeWhenThereAreNoCarcassOnes() {
        LapInfo lap = Sessions.monza().referenceLap().orElseThrow();
        EditableRecording e = Sessions.repeat(Sessions.monzaRecording(), lap, 3).renamed("tempC", "temp");
        AnalysisResult r = new TyreAnalysis().run(Sessions.of(e, Tracks.MONZA), AnalysisMonitor.NONE);
        assertEquals(4, r.table(TyreAnalysis.TABLE).rows().size());
        assertTrue(r.summary().startsWith("surface"), r.summary());
    }

    @Test
    void noTyreChannelsGiveAnEmptyResultThatSaysSo() {
        LapInfo lap = Sessions.monza().referenceLap().orElseThrow();
        EditableRecording e = Sessions.repeat(Sessions.monzaRecording(), lap, 3).without("LFtemp");
        AnalysisResult r = new TyreAnalysis().run(Sessions.of(e, Tracks.MONZA), AnalysisMonitor.NONE);
        assertEquals("no tyre temperatures in this session", r.summary());
        assertTrue(r.tables().isEmpty() && r.series().isEmpty());
    }
}
