package org.pitbox.core.analysis.builtin;

import java.util.ArrayList;
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
import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;

/**
 * Fuel used on every lap and in every stint (a stint starts at the first lap and at every out lap or
 * refuel), with {@link FuelStats} averages over the clean laps and the fuel level over the session.
 */
@Component(service = Analysis.class)
public final class FuelAnalysis implements Analysis {
    public static final String ID = "pitbox.fuel";
    public static final String PER_LAP = "Fuel per lap";
    public static final String STINTS = "Stints";
    public static final String AVERAGE = "Average per lap";
    public static final String LAST_5 = "Average of the last 5 laps";
    public static final String MOST = "Most on a lap";

    private static final AnalysisInfo INFO = Builtins.info(ID, "Fuel use",
            "Fuel used per lap and per stint, averages over the clean laps and the fuel level over the session",
            List.of("FuelLevel"), Produces.TABLES, Produces.FIGURES, Produces.SERIES);

    @Override
    public AnalysisInfo describe() {
        return INFO;
    }

    @Override
    public AnalysisResult run(SessionData s, AnalysisMonitor monitor) {
        AnalysisResult.Builder out = AnalysisResult.builder();
        Channel level = s.channel("FuelLevel");
        out.series(Builtins.overSession(s, "Fuel level", level.unit(), level::get));
        List<LapInfo> laps = s.laps();
        if (laps.isEmpty()) {
            return out.summary("no laps in this session").build();
        }
        List<List<LapInfo>> stints = stints(laps);
        Table.Builder perLap = Table.builder(PER_LAP).column("lap", "").column("stint", "").column("used", "l")
                .column("flags", "");
        Table.Builder perStint = Table.builder(STINTS).column("stint", "").column("first lap", "")
                .column("last lap", "").column("laps", "").column("clean laps", "").column("used", "l")
                .column("average", "l").column("least", "l").column("most", "l");
        for (int k = 0; k < stints.size(); k++) {
            monitor.progress(k, stints.size(), "stint " + (k + 1));
            List<LapInfo> stint = stints.get(k);
            double used = 0;
            for (LapInfo lap : stint) {
                perLap.row(lap.number(), k + 1, lap.fuelUsed(), Builtins.flags(lap));
                used += lap.has(LapInfo.Flag.REFUEL) || !Double.isFinite(lap.fuelUsed()) ? 0 : lap.fuelUsed();
            }
            FuelStats f = stats(stint);
            perStint.row(k + 1, stint.get(0).number(), stint.get(stint.size() - 1).number(), stint.size(), f.laps(),
                    used, f.average(Integer.MAX_VALUE), f.min(), f.max());
        }
        FuelStats all = stats(laps);
        out.table(perLap.build()).table(perStint.build()).figure(AVERAGE, all.average(Integer.MAX_VALUE), "l")
                .figure(MOST, all.max(), "l");
        if (all.held(5) == 5) {
            out.figure(LAST_5, all.average(5), "l"); // an average of 5 only when it holds 5 laps
        }
        double average = all.average(Integer.MAX_VALUE);
        return out.summary(LapTimes.count(stints.size(), "stint") + "; " + (Double.isNaN(average) ? "--"
                : String.format(Locale.ROOT, "%.3f l", average)) + " a lap over " + LapTimes.count(all.laps(),
                "clean lap")).build();
    }

    private static FuelStats stats(List<LapInfo> laps) {
        return FuelStats.of(laps, LapInfo::isClean, LapInfo::fuelUsed, LapInfo::lapTime);
    }

    /** The laps split where a stint starts: at an out lap or a refuel. */
    static List<List<LapInfo>> stints(List<LapInfo> laps) {
        List<List<LapInfo>> stints = new ArrayList<>();
        List<LapInfo> current = new ArrayList<>();
        for (LapInfo lap : laps) {
            if (!current.isEmpty() && (lap.has(LapInfo.Flag.OUT_LAP) || lap.has(LapInfo.Flag.REFUEL))) {
                stints.add(current);
                current = new ArrayList<>();
            }
            current.add(lap);
        }
        stints.add(current);
        return stints;
    }
}
