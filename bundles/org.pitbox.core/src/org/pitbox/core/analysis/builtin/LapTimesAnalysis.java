package org.pitbox.core.analysis.builtin;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisInfo.Produces;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.DeltaTrace;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.Series;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Table;
import org.pitbox.core.laps.LapTimes;

/**
 * Lap and sector times, the best sector of each sector over the clean laps, the theoretical best lap (their
 * sum) and each clean lap's time delta to the reference lap along the lap.
 */
@Component(service = Analysis.class)
public final class LapTimesAnalysis implements Analysis {
    public static final String ID = "pitbox.lap-times";
    public static final String BEST = "Best lap";
    public static final String THEORETICAL = "Theoretical best";
    public static final String GAIN = "Possible gain";
    public static final String LAPS = "Laps";
    public static final String SECTORS = "Best sectors";

    private static final AnalysisInfo INFO = Builtins.info(ID, "Lap and sector times",
            "Lap and sector times, best sectors, theoretical best lap and the delta of every clean lap to the best",
            List.of(), Produces.TABLES, Produces.FIGURES, Produces.SERIES);

    @Override
    public AnalysisInfo describe() {
        return INFO;
    }

    @Override
    public AnalysisResult run(SessionData s, AnalysisMonitor monitor) {
        AnalysisResult.Builder out = AnalysisResult.builder();
        List<LapInfo> laps = s.laps();
        if (laps.isEmpty()) {
            return out.summary("no laps in this session").build();
        }
        int sectors = laps.get(0).sectorTimes().size();
        LapInfo best = s.referenceLap().orElse(null);
        Table.Builder table = Table.builder(LAPS).column("lap", "").column("time", "s");
        for (int k = 1; k <= sectors; k++) {
            table.column("sector " + k, "s");
        }
        table.column("gap to best", "s").column("flags", "");
        for (LapInfo lap : laps) {
            double time = lap.has(LapInfo.Flag.INCOMPLETE) ? Double.NaN : lap.lapTime();
            List<Object> row = new ArrayList<>();
            row.add((double) lap.number());
            row.add(time);
            row.addAll(lap.sectorTimes());
            row.add(best == null ? Double.NaN : time - best.lapTime());
            row.add(Builtins.flags(lap));
            table.row(row.toArray());
        }
        out.table(table.build());
        if (best == null) {
            return out.summary(LapTimes.count(laps.size(), "lap") + ", none clean").build();
        }
        out.figure(BEST, best.lapTime(), "s");
        String summary = LapTimes.count(laps.size(), "lap") + ", best " + LapTimes.format(best.lapTime()) + " (lap " + best.number() + ")";
        if (sectors > 0) {
            double theoretical = bestSectors(s, sectors, out);
            out.figure(THEORETICAL, theoretical, "s").figure(GAIN, best.lapTime() - theoretical, "s");
            summary += ", theoretical best " + LapTimes.format(theoretical);
        }
        List<LapInfo> clean = s.cleanLaps();
        for (int i = 0; i < clean.size(); i++) {
            monitor.checkCancelled();
            monitor.progress(i, clean.size(), "delta of lap " + clean.get(i).number());
            DeltaTrace t = s.deltaToReference(clean.get(i));
            double[] metres = t.distancePct();
            for (int k = 0; k < metres.length; k++) {
                metres[k] *= s.trackLengthMeters();
            }
            out.series(new Series("Delta lap " + clean.get(i).number(), "s", Series.Axis.DISTANCE,
                    clean.get(i).number(), metres, t.deltaSeconds()));
        }
        return out.summary(summary).build();
    }

    /** Adds the best sectors table; returns their sum. */
    private static double bestSectors(SessionData s, int sectors, AnalysisResult.Builder out) {
        Table.Builder table = Table.builder(SECTORS).column("sector", "").column("best", "s").column("lap", "");
        double sum = 0;
        for (int k = 0; k < sectors; k++) {
            LapInfo from = null;
            for (LapInfo lap : s.cleanLaps()) {
                double t = lap.sectorTimes().get(k);
                if (t > 0 && (from == null || t < from.sectorTimes().get(k))) {
                    from = lap;
                }
            }
            double t = from == null ? Double.NaN : from.sectorTimes().get(k);
            table.row(k + 1, t, from == null ? Double.NaN : from.number());
            sum += t;
        }
        out.table(table.build());
        return sum;
    }
}
