package org.pitbox.core.analysis.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;

import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisInfo.Produces;
import org.pitbox.core.analysis.Channel;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.Series;
import org.pitbox.core.analysis.SessionData;

/** The built-in analyses, and what they share. */
public final class Builtins {
    static final String VERSION = "1.0.0";
    static final String PROVIDER = "PitBox";
    static final List<String> LAP_CHANNELS = List.of("SessionTime", "Lap", "LapDistPct");
    /** m/s to km/h. */
    static final double KPH = 3.6;

    private Builtins() {
    }

    /** A new instance of every built-in analysis, for use without OSGi. */
    public static List<Analysis> all() {
        return List.of(new LapTimesAnalysis(), new CornersAnalysis(), new ThrottleAnalysis(),
                new ConsistencyAnalysis(), new FuelAnalysis(), new TyreAnalysis());
    }

    static AnalysisInfo info(String id, String name, String description, List<String> channels, Produces... produces) {
        List<String> required = new ArrayList<>(LAP_CHANNELS);
        channels.stream().filter(c -> !required.contains(c)).forEach(required::add);
        return new AnalysisInfo(id, name, description, VERSION, PROVIDER, required, Set.of(produces));
    }

    /** A session-long series against SessionTime, one point a second. */
    static Series overSession(SessionData s, String name, String unit, IntToDoubleFunction value) {
        Channel time = s.channel("SessionTime");
        int step = Math.max(1, s.tickRate());
        int n = (s.recordCount() + step - 1) / step;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = time.get(k * step);
            y[k] = value.applyAsDouble(k * step);
        }
        return new Series(name, unit, Series.Axis.TIME, -1, x, y);
    }

    /** The lap's flags in words, empty for a clean lap. */
    static String flags(LapInfo lap) {
        return lap.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .sorted().collect(Collectors.joining(", "));
    }

    /** The clean laps, or every complete lap when there is no clean one. */
    static List<LapInfo> lapsToMeasure(SessionData s) {
        List<LapInfo> clean = s.cleanLaps();
        return clean.isEmpty() ? s.laps().stream().filter(l -> !l.has(LapInfo.Flag.INCOMPLETE)).toList() : clean;
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }

    /** Sample standard deviation; NaN for fewer than two values. */
    static double stdDev(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double sq = 0;
        for (double x : v) {
            sq += (x - m) * (x - m);
        }
        return Math.sqrt(sq / (v.length - 1));
    }

    static double spread(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double min = v[0];
        double max = v[0];
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return max - min;
    }
}
