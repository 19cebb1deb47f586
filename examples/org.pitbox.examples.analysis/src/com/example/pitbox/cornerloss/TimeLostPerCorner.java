package com.example.pitbox.cornerloss;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.Channel;
import org.pitbox.core.analysis.DeltaTrace;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.Marker;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Table;

/**
 * A third-party analysis in one class: where each lap lost time against the session's best lap, corner by
 * corner. Corners are the slow points of the best lap; a corner runs from halfway after the previous one to
 * halfway before the next, so the losses of a lap add up to its whole gap.
 */
@Component(service = Analysis.class)
public final class TimeLostPerCorner implements Analysis {
    public static final String ID = "com.example.time-lost-per-corner";
    public static final String TABLE = "Time lost per corner";
    private static final AnalysisInfo INFO = new AnalysisInfo(ID, "Time lost per corner",
            "Seconds each lap lost (or gained) in each corner against the best lap.", "1.0.0", "Example Coaching Ltd",
            List.of("Speed", "LapDistPct", "SessionTime"),
            Set.of(AnalysisInfo.Produces.TABLES, AnalysisInfo.Produces.MARKERS, AnalysisInfo.Produces.FIGURES));

    @Override
    public AnalysisInfo describe() {
        return INFO;
    }

    @Override
    public AnalysisResult run(SessionData session, AnalysisMonitor monitor) {
        LapInfo best = session.referenceLap().orElse(null);
        if (best == null) {
            return AnalysisResult.builder().summary("Needs at least one clean lap to compare against.").build();
        }
        double[] apexes = Corners.apexes(session.channel("Speed"), session.channel("LapDistPct"), best);
        Table.Builder table = Table.builder(TABLE).column("lap", "");
        for (int c = 0; c < apexes.length; c++) {
            table.column("C" + (c + 1), "s");
        }
        table.column("total", "s");
        AnalysisResult.Builder result = AnalysisResult.builder();
        List<LapInfo> laps = session.cleanLaps();
        double worst = 0;
        String worstAt = "-";
        for (int i = 0; i < laps.size(); i++) {
            monitor.checkCancelled();
            monitor.progress(i, laps.size(), "lap " + laps.get(i).number());
            LapInfo lap = laps.get(i);
            double[] loss = Corners.losses(session.deltaToReference(lap), apexes);
            List<Object> row = new ArrayList<>();
            row.add((double) lap.number());
            double total = 0;
            for (int c = 0; c < loss.length; c++) {
                row.add(loss[c]);
                total += loss[c];
                result.marker(new Marker(lap.number(), apexes[c], "C" + (c + 1), loss[c], "s"));
                if (loss[c] > worst) {
                    worst = loss[c];
                    worstAt = "C" + (c + 1) + " on lap " + lap.number();
                }
            }
            row.add(total);
            table.row(row.toArray());
        }
        monitor.progress(laps.size(), laps.size(), "done");
        return result.table(table.build())
                .figure("Biggest loss", worst, "s")
                .summary(apexes.length + " corners against lap " + best.number() + "; biggest loss "
                        + String.format("%.3f s", worst) + " (" + worstAt + ")")
                .build();
    }

    /** The corners of the best lap and the time lost between corner boundaries. */
    static final class Corners {
        /** A slow point counts as a corner when it is this much slower than the lap's top speed. */
        private static final double SLOWER_THAN_TOP = 0.85;
        /** Two apexes closer than this share one corner. */
        private static final double MIN_GAP_PCT = 0.03;

        private Corners() {
        }

        /** Lap-distance positions of the best lap's local speed minima, in lap order. */
        static double[] apexes(Channel speed, Channel pct, LapInfo lap) {
            double top = 0;
            for (int r = lap.firstRecord(); r <= lap.lastRecord(); r++) {
                top = Math.max(top, speed.get(r));
            }
            List<Double> found = new ArrayList<>();
            int window = 30;
            for (int r = lap.firstRecord() + window; r <= lap.lastRecord() - window; r++) {
                double v = speed.get(r);
                if (v > top * SLOWER_THAN_TOP || !isLowest(speed, r, window)) {
                    continue;
                }
                double p = pct.get(r);
                if (found.isEmpty() || p - found.get(found.size() - 1) > MIN_GAP_PCT) {
                    found.add(p);
                }
            }
            return found.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static boolean isLowest(Channel speed, int r, int window) {
            for (int k = r - window; k <= r + window; k++) {
                if (speed.get(k) < speed.get(r)) {
                    return false;
                }
            }
            return true;
        }

        /** Delta gained between the boundaries around each apex (halfway to the neighbours; 0 and 1 at the ends). */
        static double[] losses(DeltaTrace delta, double[] apexes) {
            double[] loss = new double[apexes.length];
            for (int c = 0; c < apexes.length; c++) {
                double from = c == 0 ? 0 : (apexes[c - 1] + apexes[c]) / 2;
                double to = c == apexes.length - 1 ? 1 : (apexes[c] + apexes[c + 1]) / 2;
                loss[c] = delta.deltaAt(to) - delta.deltaAt(from);
            }
            return loss;
        }
    }
}
