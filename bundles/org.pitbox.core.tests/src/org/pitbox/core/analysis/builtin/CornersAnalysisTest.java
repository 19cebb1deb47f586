package org.pitbox.core.analysis.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Sessions;
import org.pitbox.core.analysis.Table;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Track;
import org.pitbox.core.sim.Tracks;

class CornersAnalysisTest {

    /** Stretches of the track tighter than 150 m radius, [start, end] in metres, closer than 50 m merged. */
    static List<double[]> tightParts(Track t) {
        List<double[]> parts = new ArrayList<>();
        double ds = t.length() / t.samples();
        for (int i = 0; i < t.samples(); i++) {
            if (Math.abs(t.curvature(i)) > 1 / 150.0) {
                double at = i * ds;
                if (!parts.isEmpty() && at - parts.get(parts.size() - 1)[1] < 50) {
                    parts.get(parts.size() - 1)[1] = at;
                } else {
                    parts.add(new double[] {at, at});
                }
            }
        }
        return parts;
    }

    @Test
    void everyTightPartOfMonzaHasABrakingPointAndEveryCornerIsOne() {
        AnalysisResult r = new CornersAnalysis().run(Sessions.monza(), AnalysisMonitor.NONE);
        List<double[]> parts = tightParts(Tracks.MONZA);
        assertEquals(6, parts.size(), "Rettifilo, Roggia, Lesmo 1 and 2, Ascari, Parabolica");
        List<List<Object>> corners = r.table(CornersAnalysis.REFERENCE).rows();
        for (double[] part : parts) {
            assertTrue(corners.stream().anyMatch(c -> within(c, part)), "a corner at " + part[0] + " m");
        }
        for (List<Object> c : corners) {
            assertTrue(parts.stream().anyMatch(p -> within(c, p)), "corner " + c + " is at a tight part");
        }
    }

    /** Braking starts before the tight part (less than 600 m) and the apex lies in it. */
    private static boolean within(List<Object> corner, double[] part) {
        double brake = (Double) corner.get(1);
        double apex = (Double) corner.get(2);
        return brake > part[0] - 600 && brake < part[0] + 50 && apex > part[0] - 50 && apex < part[1] + 50;
    }

    @Test
    void martinsvilleHasTwoCornersOnEveryLap() {
        SessionData s = Sessions.of(SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(6)), Tracks.MARTINSVILLE);
        AnalysisResult r = new CornersAnalysis().run(s, AnalysisMonitor.NONE);
        assertEquals(2, r.table(CornersAnalysis.REFERENCE).rows().size());
        assertEquals(2.0, r.figure("Corners").value());
        Table perLap = r.table(CornersAnalysis.PER_LAP);
        assertEquals(2 * s.cleanLaps().size(), perLap.rows().size());
        assertTrue(perLap.rows().stream().noneMatch(row -> ((Double) row.get(2)).isNaN()), "every lap brakes for both");
        assertEquals(4 * s.cleanLaps().size(), r.markers().size(), "a brake and a min speed marker per corner");
    }

    @Test
    void theReferenceLapAndItsCopiesDifferByNothing() {
        SessionData monza = Sessions.monza();
        SessionData s = Sessions.of(Sessions.repeat(Sessions.monzaRecording(), monza.referenceLap().orElseThrow(), 5),
                Tracks.MONZA);
        AnalysisResult r = new CornersAnalysis().run(s, AnalysisMonitor.NONE);
        List<List<Object>> rows = r.table(CornersAnalysis.PER_LAP).rows();
        assertEquals(3 * r.table(CornersAnalysis.REFERENCE).rows().size(), rows.size());
        for (List<Object> row : rows) {
            assertEquals(0, (Double) row.get(3), 1e-6, row.toString());
            assertEquals(0, (Double) row.get(5), 1e-6, row.toString());
        }
    }

    @Test
    void otherLapsBrakeNearTheReference() {
        AnalysisResult r = new CornersAnalysis().run(Sessions.monza(), AnalysisMonitor.NONE);
        for (List<Object> row : r.table(CornersAnalysis.PER_LAP).rows()) {
            double metres = (Double) row.get(3);
            assertTrue(Double.isNaN(metres) || Math.abs(metres) <= CornersAnalysis.TOLERANCE_METRES, row.toString());
        }
    }
}
