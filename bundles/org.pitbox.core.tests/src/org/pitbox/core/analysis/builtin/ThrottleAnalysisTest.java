package org.pitbox.core.analysis.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.Marker;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Sessions;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.testing.EditableRecording;

class ThrottleAnalysisTest {

    @Test
    void aLapOfHalfThrottleAQuarterCoastingAndAQuarterBrakingMeasuresSo() {
        LapInfo lap = Sessions.monza().referenceLap().orElseThrow();
        int rows = lap.lastRecord() - lap.firstRecord() + 1;
        EditableRecording e = Sessions.repeat(Sessions.monzaRecording(), lap, 4);
        for (int r = 0; r < e.recordCount(); r++) {
            double f = (double) (r % rows) / rows;
            e.set(r, "Throttle", f < 0.5 ? 1 : 0);
            e.set(r, "Brake", f >= 0.75 ? 1 : 0);
        }
        SessionData s = Sessions.of(e, Tracks.MONZA);
        AnalysisResult r = new ThrottleAnalysis().run(s, AnalysisMonitor.NONE);
        List<List<Object>> table = r.table(ThrottleAnalysis.PER_LAP).rows();
        assertEquals(2, table.size());
        double tolerance = 100.0 * 2 / rows;
        for (List<Object> row : table) {
            assertEquals(50, (Double) row.get(1), tolerance, "full throttle");
            assertEquals(0, (Double) row.get(2), tolerance, "part throttle");
            assertEquals(25, (Double) row.get(3), tolerance, "coasting");
            assertEquals(25, (Double) row.get(4), tolerance, "braking");
            assertEquals(lap.lapTime() / 4, (Double) row.get(5), 0.05, "coasting seconds");
        }
        List<Marker> coasting = r.markers().stream().filter(m -> m.label().equals("coasting")).toList();
        assertEquals(2, coasting.size());
        for (Marker m : coasting) {
            assertEquals(lap.lapTime() / 4, m.value(), 0.05);
        }
        assertEquals(50, r.figure(ThrottleAnalysis.FULL).value(), tolerance);
    }

    @Test
    void pedalShareAddsUpAndEveryCornerHasAPickUp() {
        SessionData s = Sessions.monza();
        AnalysisResult r = new ThrottleAnalysis().run(s, AnalysisMonitor.NONE);
        for (List<Object> row : r.table(ThrottleAnalysis.PER_LAP).rows()) {
            double sum = (Double) row.get(1) + (Double) row.get(2) + (Double) row.get(3) + (Double) row.get(4);
            assertEquals(100, sum, 1e-9);
        }
        int corners = new CornersAnalysis().run(s, AnalysisMonitor.NONE).table(CornersAnalysis.REFERENCE).rows().size();
        List<List<Object>> pickUp = r.table(ThrottleAnalysis.PICK_UP).rows();
        assertEquals(corners, pickUp.size());
        assertTrue(pickUp.stream().allMatch(row -> (Double) row.get(2) >= 0 && (Double) row.get(2) < 10), pickUp.toString());
        assertEquals(1, r.series().size());
    }
}
