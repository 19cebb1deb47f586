package com.example.pitbox.cornerloss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Table;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;

/** How a plugin author tests an analysis: plain JUnit against a session PitBox's simulator records. */
class TimeLostPerCornerTest {
    private static final SimOptions MONZA = SimOptions.defaults().withTrack(Tracks.MONZA).withLaps(4).withSeed(42);

    @Test
    void lossesPerCornerAddUpToEachLapsGap() {
        SimulatedRecording recording = SimulatedRecording.run(MONZA);
        SessionData session = SessionData.of(recording, List.of(0.0), Tracks.MONZA.length(), "Monza", "GT3");
        AnalysisResult result = new TimeLostPerCorner().run(session, AnalysisMonitor.NONE);
        Table table = result.table(TimeLostPerCorner.TABLE);
        List<LapInfo> clean = session.cleanLaps();
        assertEquals(clean.size(), table.rows().size());
        int corners = table.columns().size() - 2;
        assertTrue(corners >= 5 && corners <= 12, "Monza's slow corners: " + corners);
        LapInfo best = session.referenceLap().orElseThrow();
        for (int i = 0; i < clean.size(); i++) {
            List<Object> row = table.rows().get(i);
            double total = (Double) row.get(row.size() - 1);
            double gap = clean.get(i).lapTime() - best.lapTime();
            assertEquals(gap, total, 0.05, "lap " + clean.get(i).number() + ": corner losses add up to the gap");
            if (clean.get(i).number() == best.number()) {
                assertEquals(0, total, 1e-9, "the best lap loses nothing against itself");
            }
        }
        assertTrue(result.figure("Biggest loss").value() >= 0);
    }

    @Test
    void explainsWhatItNeedsWithoutACleanLap() {
        SimulatedRecording recording = SimulatedRecording.run(MONZA);
        SessionData noLaps = SessionData.of(recording, List.of(), List.of(0.0), Tracks.MONZA.length(), "Monza", "GT3");
        AnalysisResult result = new TimeLostPerCorner().run(noLaps, AnalysisMonitor.NONE);
        assertTrue(result.summary().startsWith("Needs at least one clean lap"), result.summary());
    }
}
