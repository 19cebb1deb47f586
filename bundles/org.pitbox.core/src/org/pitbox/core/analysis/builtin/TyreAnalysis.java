package org.pitbox.core.analysis.builtin;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisInfo.Produces;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.Channel;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Table;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;

/**
 * Tyre temperatures across the tread, averaged over the clean laps: surface temperatures (LFtempL, M, R...)
 * where the session has them (a recording; iRacing refreshes carcass temperatures only in the pit stall), else
 * carcass temperatures (LFtempCL, CM, CR...). The spread is the
 * hottest zone minus the coldest; inner minus outer shows camber. Sessions without either set get a
 * result that says so.
 */
@Component(service = Analysis.class)
public final class TyreAnalysis implements Analysis {
    public static final String ID = "pitbox.tyres";
    public static final String TABLE = "Tyre temperatures";
    static final List<String> TYRES = List.of("LF", "RF", "LR", "RR");

    private static final AnalysisInfo INFO = Builtins.info(ID, "Tyre temperatures",
            "Outer, middle and inner temperature of each tyre, their spread, and front-rear and left-right balance",
            List.of(), Produces.TABLES, Produces.FIGURES, Produces.SERIES);

    @Override
    public AnalysisInfo describe() {
        return INFO;
    }

    @Override
    public AnalysisResult run(SessionData s, AnalysisMonitor monitor) {
        AnalysisResult.Builder out = AnalysisResult.builder();
        String kind = s.has("LFtempL") ? "temp" : s.has("LFtempCL") ? "tempC" : null;
        if (kind == null || TYRES.stream().anyMatch(t -> !s.has(t + kind + "L") || !s.has(t + kind + "M")
                || !s.has(t + kind + "R"))) {
            return out.summary("no tyre temperatures in this session").build();
        }
        List<LapInfo> laps = Builtins.lapsToMeasure(s);
        Table.Builder table = Table.builder(TABLE).column("tyre", "").column("outer", "C").column("middle", "C")
                .column("inner", "C").column("average", "C").column("spread", "C").column("inner - outer", "C");
        double[] average = new double[4];
        for (int w = 0; w < 4; w++) {
            monitor.checkCancelled();
            monitor.progress(w, 4, TYRES.get(w));
            Channel[] zone = zones(s, TYRES.get(w) + kind);
            boolean left = w % 2 == 0;
            double[] z = new double[3];
            for (int k = 0; k < 3; k++) {
                z[k] = mean(zone[k], laps, s.recordCount());
            }
            double outer = left ? z[0] : z[2];
            double inner = left ? z[2] : z[0];
            average[w] = Builtins.mean(z);
            table.row(TYRES.get(w), outer, z[1], inner, average[w], Builtins.spread(z), inner - outer);
            out.series(Builtins.overSession(s, TYRES.get(w) + " average", "C",
                    r -> (zone[0].get(r) + zone[1].get(r) + zone[2].get(r)) / 3));
        }
        double frontRear = (average[0] + average[1] - average[2] - average[3]) / 2;
        double leftRight = (average[0] + average[2] - average[1] - average[3]) / 2;
        String source = kind.equals("tempC") ? "carcass" : "surface";
        return out.table(table.build()).figure("Front - rear", frontRear, "C").figure("Left - right", leftRight, "C")
                .summary(String.format(Locale.ROOT, "%s temperatures over %s", source,
                        laps.isEmpty() ? "the whole session" : LapTimes.count(laps.size(), "lap")))
                .build();
    }

    private static Channel[] zones(SessionData s, String prefix) {
        return new Channel[] {s.channel(prefix + "L"), s.channel(prefix + "M"), s.channel(prefix + "R")};
    }

    /** Mean over the rows of the laps, or of the whole session when there are none. */
    private static double mean(Channel c, List<LapInfo> laps, int records) {
        double sum = 0;
        int n = 0;
        if (laps.isEmpty()) {
            for (int r = 0; r < records; r++, n++) {
                sum += c.get(r);
            }
        }
        for (LapInfo lap : laps) {
            for (int r = lap.firstRecord(); r <= lap.lastRecord(); r++, n++) {
                sum += c.get(r);
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
