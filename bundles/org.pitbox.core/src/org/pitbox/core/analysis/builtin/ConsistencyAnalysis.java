package org.pitbox.core.analysis.builtin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisInfo.Produces;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Table;

/** How alike the clean laps are: lap-time mean, standard deviation and spread, and the same per sector. */
@Component(service = Analysis.class)
public final class ConsistencyAnalysis implements Analysis {
    public static final String ID = "pitbox.consistency";
    public static final String SECTORS = "Sector consistency";
    public static final String MEAN = "Lap time mean";
    public static final String STD_DEV = "Lap time std dev";
    public static final String SPREAD = "Lap time spread";

    private static final AnalysisInfo INFO = Builtins.info(ID, "Consistency",
            "Spread and standard deviation of the clean lap times and of each sector", List.of(),
            Produces.TABLES, Produces.FIGURES);

    @Override
    public AnalysisInfo describe() {
        return INFO;
    }

    @Override
    public AnalysisResult run(SessionData s, AnalysisMonitor monitor) {
        AnalysisResult.Builder out = AnalysisResult.builder();
        List<LapInfo> clean = s.cleanLaps();
        if (clean.size() < 2) {
            return out.summary("consistency needs two clean laps, the session has " + clean.size()).build();
        }
        double[] times = clean.stream().mapToDouble(LapInfo::lapTime).toArray();
        double sd = Builtins.stdDev(times);
        double spread = Builtins.spread(times);
        out.figure("Clean laps", clean.size(), "").figure(MEAN, Builtins.mean(times), "s").figure(STD_DEV, sd, "s")
                .figure(SPREAD, spread, "s");
        int sectors = clean.get(0).sectorTimes().size();
        if (sectors > 0) {
            Table.Builder table = Table.builder(SECTORS).column("sector", "").column("best", "s").column("mean", "s")
                    .column("std dev", "s").column("spread", "s");
            for (int k = 0; k < sectors; k++) {
                monitor.progress(k, sectors, "sector " + (k + 1));
                int sector = k;
                double[] t = clean.stream().mapToDouble(l -> l.sectorTimes().get(sector)).toArray();
                table.row(k + 1, Arrays.stream(t).min().orElse(Double.NaN), Builtins.mean(t), Builtins.stdDev(t),
                        Builtins.spread(t));
            }
            out.table(table.build());
        }
        return out.summary(String.format(Locale.ROOT, "%d clean laps: std dev %.3f s, spread %.3f s", clean.size(), sd,
                spread)).build();
    }
}
