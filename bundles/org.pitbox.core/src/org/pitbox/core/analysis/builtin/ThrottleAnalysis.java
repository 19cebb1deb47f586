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
import org.pitbox.core.analysis.Marker;
import org.pitbox.core.analysis.Series;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Table;
import org.pitbox.core.analysis.builtin.Corners.Corner;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;

/**
 * Pedal use per lap: each row of a lap is braking (Brake above 5 %), else full throttle (98 % or more),
 * else coasting (throttle 5 % or less), else part throttle. Coasting of half a second or more is marked;
 * on the reference lap, the time from each corner's slowest point to full throttle is measured.
 */
@Component(service = Analysis.class)
public final class ThrottleAnalysis implements Analysis {
    public static final String ID = "pitbox.throttle";
    public static final String PER_LAP = "Pedals per lap";
    public static final String PICK_UP = "Throttle after each corner";
    public static final String FULL = "Full throttle";
    public static final String COASTING = "Coasting per lap";
    static final double BRAKING = 0.05;
    static final double FULL_THROTTLE = 0.98;
    static final double OFF = 0.05;
    static final double MARK_SECONDS = 0.5;

    private static final AnalysisInfo INFO = Builtins.info(ID, "Throttle and coasting",
            "Full throttle, part throttle, coasting and braking per lap; coasting stretches; throttle pick-up after corners",
            List.of("Throttle", "Brake", "Speed"), Produces.TABLES, Produces.FIGURES, Produces.MARKERS, Produces.SERIES);

    @Override
    public AnalysisInfo describe() {
        return INFO;
    }

    @Override
    public AnalysisResult run(SessionData s, AnalysisMonitor monitor) {
        AnalysisResult.Builder out = AnalysisResult.builder();
        List<LapInfo> laps = Builtins.lapsToMeasure(s);
        if (laps.isEmpty()) {
            return out.summary("no complete lap to measure").build();
        }
        Channel throttle = s.channel("Throttle");
        Channel brake = s.channel("Brake");
        Channel time = s.channel("SessionTime");
        Table.Builder table = Table.builder(PER_LAP).column("lap", "").column("full throttle", "%")
                .column("part throttle", "%").column("coasting", "%").column("braking", "%").column("coasting", "s");
        double fullSum = 0;
        double coastSum = 0;
        for (int i = 0; i < laps.size(); i++) {
            monitor.checkCancelled();
            LapInfo lap = laps.get(i);
            monitor.progress(i, laps.size(), "pedals of lap " + lap.number());
            double[] seconds = new double[4];
            int coastFrom = -1;
            for (int r = lap.firstRecord(); r <= lap.lastRecord(); r++) {
                double dt = r < lap.lastRecord() ? time.get(r + 1) - time.get(r) : lap.endTime() - time.get(r);
                int kind = brake.get(r) > BRAKING ? 3 : throttle.get(r) >= FULL_THROTTLE ? 0
                        : throttle.get(r) <= OFF ? 2 : 1;
                seconds[kind] += Math.max(0, dt);
                if (kind == 2 && coastFrom < 0) {
                    coastFrom = r;
                } else if (kind != 2 && coastFrom >= 0) {
                    markCoasting(s, lap, coastFrom, r, out);
                    coastFrom = -1;
                }
            }
            double total = seconds[0] + seconds[1] + seconds[2] + seconds[3];
            table.row(lap.number(), 100 * seconds[0] / total, 100 * seconds[1] / total, 100 * seconds[2] / total,
                    100 * seconds[3] / total, seconds[2]);
            fullSum += 100 * seconds[0] / total;
            coastSum += seconds[2];
        }
        out.table(table.build()).figure(FULL, fullSum / laps.size(), "%").figure(COASTING, coastSum / laps.size(), "s");
        s.referenceLap().ifPresent(ref -> pickUp(s, ref, out));
        return out.summary(String.format(Locale.ROOT, "%s: %.1f %% full throttle, %.2f s coasting a lap",
                LapTimes.count(laps.size(), "lap"), fullSum / laps.size(), coastSum / laps.size())).build();
    }

    /** Marks coasting from row {@code from} to row {@code to} when it lasted long enough. */
    private static void markCoasting(SessionData s, LapInfo lap, int from, int to, AnalysisResult.Builder out) {
        Channel time = s.channel("SessionTime");
        double duration = time.get(to) - time.get(from);
        if (duration >= MARK_SECONDS) {
            out.marker(new Marker(lap.number(), s.channel("LapDistPct").get(from), "coasting", duration, "s"));
        }
    }

    /** Seconds from each corner's slowest point to full throttle on the reference lap, and its throttle trace. */
    private static void pickUp(SessionData s, LapInfo ref, AnalysisResult.Builder out) {
        LapTrace t = LapTrace.of(s, ref);
        double[] throttle = t.values(s.channel("Throttle"));
        List<Corner> corners = Corners.find(t.values(s.channel("Speed")), t.values(s.channel("Brake")),
                s.tickRate());
        Table.Builder table = Table.builder(PICK_UP).column("corner", "").column("apex", "m")
                .column("to full throttle", "s");
        for (int c = 0; c < corners.size(); c++) {
            int apex = corners.get(c).apex();
            int full = apex;
            while (full < throttle.length && throttle[full] < FULL_THROTTLE) {
                full++;
            }
            table.row(CornersAnalysis.name(c), t.pct[apex] * s.trackLengthMeters(),
                    full < throttle.length ? t.time[full] - t.time[apex] : Double.NaN);
        }
        double[] percent = throttle.clone();
        for (int i = 0; i < percent.length; i++) {
            percent[i] *= 100;
        }
        out.table(table.build()).series(new Series("Throttle lap " + ref.number(), "%", Series.Axis.DISTANCE,
                ref.number(), t.metres(s.trackLengthMeters()), percent));
    }
}
