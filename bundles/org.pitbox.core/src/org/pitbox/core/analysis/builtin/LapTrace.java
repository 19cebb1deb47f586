package org.pitbox.core.analysis.builtin;

import java.util.Arrays;

import org.pitbox.core.analysis.Channel;
import org.pitbox.core.analysis.LapInfo;
import org.pitbox.core.analysis.SessionData;

/** The rows of one lap where LapDistPct rises: lap distance, seconds since the lap start, and values. */
final class LapTrace {
    final LapInfo lap;
    final int[] rows;
    final double[] pct;
    final double[] time;

    private LapTrace(LapInfo lap, int[] rows, double[] pct, double[] time) {
        this.lap = lap;
        this.rows = rows;
        this.pct = pct;
        this.time = time;
    }

    static LapTrace of(SessionData s, LapInfo lap) {
        Channel p = s.channel("LapDistPct");
        Channel t = s.channel("SessionTime");
        int max = lap.lastRecord() - lap.firstRecord() + 1;
        int[] rows = new int[max];
        double[] pct = new double[max];
        double[] time = new double[max];
        int n = 0;
        double last = -1;
        for (int i = lap.firstRecord(); i <= lap.lastRecord(); i++) {
            double v = p.get(i);
            if (v >= 0 && v <= 1 && v > last && (last < 0 || v - last < 0.5)) {
                rows[n] = i;
                pct[n] = v;
                time[n++] = t.get(i) - lap.startTime();
                last = v;
            }
        }
        return new LapTrace(lap, Arrays.copyOf(rows, n), Arrays.copyOf(pct, n), Arrays.copyOf(time, n));
    }

    int size() {
        return rows.length;
    }

    /** The channel at this lap's rows. */
    double[] values(Channel c) {
        double[] v = new double[rows.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.get(rows[i]);
        }
        return v;
    }

    /** Lap distance in metres. */
    double[] metres(double trackLength) {
        double[] m = new double[pct.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = pct[i] * trackLength;
        }
        return m;
    }
}
