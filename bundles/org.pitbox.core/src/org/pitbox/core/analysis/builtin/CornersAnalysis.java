package org.pitbox.core.analysis.builtin;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisInfo.Produces;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.Marker;
import org.pitbox.core.analysis.Series;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Table;
import org.pitbox.core.analysis.builtin.Corners.Corner;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;

/**
 * Braking points and minimum corner speeds: the corners are found on the reference lap (see
 * {@link Corners}), then every clean lap's braking point and slowest speed at each corner are compared
 * with the reference; a lap's corner is the one whose braking starts within 150 m of the reference's. Positive braking differences mean braking later.
 */
@Component(service = Analysis.class)
public final class CornersAnalysis implements Analysis {
    public static final String ID = "pitbox.corners";
    public static final String REFERENCE = "Corners on the reference lap";
    public static final String PER_LAP = "Corners per lap";
    /** How far a lap's braking point may lie from the reference one to count as the same corner. */
    static final double TOLERANCE_METRES = 150;

    private static final AnalysisInfo INFO = Builtins.info(ID, "Braking points and corner speeds",
            "Where each corner's braking starts and the slowest speed in it, on every clean lap against the best lap",
            List.of("Speed", "Brake"), Produces.TABLES, Produces.MARKERS, Produces.SERIES, Produces.FIGURES);

    @Override
    public AnalysisInfo describe() {
        return INFO;
    }

    @Override
    public AnalysisResult run(SessionData s, AnalysisMonitor monitor) {
        AnalysisResult.Builder out = AnalysisResult.builder();
        LapInfo refLap = s.referenceLap().orElse(null);
        if (refLap == null) {
            return out.summary("no clean lap to find the corners on").build();
        }
        double length = s.trackLengthMeters();
        LapTrace ref = LapTrace.of(s, refLap);
        double[] refSpeed = ref.values(s.channel("Speed"));
        List<Corner> corners = Corners.find(refSpeed, ref.values(s.channel("Brake")), s.tickRate());
        Table.Builder refTable = Table.builder(REFERENCE).column("corner", "").column("brake point", "m")
                .column("apex", "m").column("min speed", "km/h");
        for (int c = 0; c < corners.size(); c++) {
            Corner k = corners.get(c);
            refTable.row(name(c), ref.pct[k.brake()] * length, ref.pct[k.apex()] * length,
                    refSpeed[k.apex()] * Builtins.KPH);
        }
        double[] kph = refSpeed.clone();
        for (int i = 0; i < kph.length; i++) {
            kph[i] *= Builtins.KPH;
        }
        out.table(refTable.build()).figure("Corners", corners.size(), "")
                .series(new Series("Speed lap " + refLap.number(), "km/h", Series.Axis.DISTANCE, refLap.number(),
                        ref.metres(length), kph));
        Table.Builder perLap = Table.builder(PER_LAP).column("lap", "").column("corner", "")
                .column("brake point", "m").column("vs reference", "m").column("min speed", "km/h")
                .column("vs reference", "km/h");
        double tolerance = length > 0 ? TOLERANCE_METRES / length : 0.03;
        List<LapInfo> clean = s.cleanLaps();
        for (int i = 0; i < clean.size(); i++) {
            monitor.checkCancelled();
            LapInfo lap = clean.get(i);
            monitor.progress(i, clean.size(), "corners of lap " + lap.number());
            LapTrace t = LapTrace.of(s, lap);
            double[] speed = t.values(s.channel("Speed"));
            List<Corner> found = Corners.find(speed, t.values(s.channel("Brake")), s.tickRate());
            for (int c = 0; c < corners.size(); c++) {
                Corner r = corners.get(c);
                Corner k = Corners.nearest(found, t.pct, ref.pct[r.brake()], tolerance);
                if (k == null) {
                    perLap.row(lap.number(), name(c), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                    continue;
                }
                double brakeAt = t.pct[k.brake()];
                double min = speed[k.apex()] * Builtins.KPH;
                perLap.row(lap.number(), name(c), brakeAt * length, (brakeAt - ref.pct[r.brake()]) * length,
                        min, min - refSpeed[r.apex()] * Builtins.KPH);
                out.marker(new Marker(lap.number(), brakeAt, name(c) + " brake", brakeAt * length, "m"));
                out.marker(new Marker(lap.number(), t.pct[k.apex()], name(c) + " min speed", min, "km/h"));
            }
        }
        return out.table(perLap.build())
                .summary(corners.size() + " corners on lap " + refLap.number() + ", compared over "
                        + LapTimes.count(clean.size(), "clean lap"))
                .build();
    }

    static String name(int corner) {
        return "C" + (corner + 1);
    }
}
