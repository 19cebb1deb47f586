package org.pitbox.core.laps;

import java.util.Arrays;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.Recording;

/**
 * Time against a reference lap by distance: the reference's elapsed time at each LapDistPct, looked up
 * by binary search and linear interpolation. {@link #delta} allocates nothing and suits a live overlay.
 */
public final class LapDelta {
    private final double[] pct;
    private final double[] time;

    private LapDelta(double[] pct, double[] time) {
        this.pct = pct;
        this.time = time;
    }

    /** Delta samples: positive seconds mean slower than the reference. */
    public record Trace(double[] distancePct, double[] deltaSeconds) {
    }

    /** A reference from a lap driven from line to line. */
    public static LapDelta of(Recording recording, Lap reference) {
        if (reference.startPct() != 0 || reference.endPct() != 1) {
            throw new IllegalArgumentException("reference lap " + reference.number() + " is incomplete");
        }
        double[][] s = samples(recording, reference);
        return new LapDelta(s[0], s[1]);
    }

    /** The delta of {@code lap} against {@code reference}, at each of the lap's samples. */
    public static Trace between(Recording recording, Lap lap, Lap reference) {
        return of(recording, reference).trace(recording, lap);
    }

    public double lapTime() {
        return time[time.length - 1];
    }

    /** Reference elapsed time at lap distance {@code p} (clamped to 0..1). */
    public double timeAt(double p) {
        if (!(p > 0)) {
            return 0;
        }
        if (p >= 1) {
            return lapTime();
        }
        int i = Arrays.binarySearch(pct, p);
        if (i >= 0) {
            return time[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        return time[lo] + (p - pct[lo]) / (pct[hi] - pct[lo]) * (time[hi] - time[lo]);
    }

    /** Live delta: {@code elapsed} seconds into the current lap at lap distance {@code p}. */
    public double delta(double p, double elapsed) {
        return elapsed - timeAt(p);
    }

    /** The delta of a lap of {@code recording} that started at the line. */
    public Trace trace(Recording recording, Lap lap) {
        if (lap.startPct() != 0) {
            throw new IllegalArgumentException("lap " + lap.number() + " did not start at the line");
        }
        double[][] s = samples(recording, lap);
        double[] delta = new double[s[0].length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = delta(s[0][i], s[1][i]);
        }
        return new Trace(s[0], delta);
    }

    /** Rising (pct, elapsed) pairs of a lap that started at the line, to (1, lap time) when it ended there. */
    private static double[][] samples(Recording r, Lap lap) {
        ChannelDescriptor t = r.layout().require("SessionTime");
        ChannelDescriptor d = r.layout().require("LapDistPct");
        int max = lap.lastRecord() - lap.firstRecord() + 3;
        double[] p = new double[max];
        double[] e = new double[max];
        int n = 1;
        double last = 0;
        for (int i = lap.firstRecord(); i <= lap.lastRecord(); i++) {
            double v = r.value(i, d, 0);
            if (v > last && v < 1 && v - last < 0.5) {
                p[n] = v;
                e[n++] = r.value(i, t, 0) - lap.startTime();
                last = v;
            }
        }
        if (lap.endPct() == 1) {
            p[n] = 1;
            e[n++] = lap.lapTime();
        }
        return new double[][] {Arrays.copyOf(p, n), Arrays.copyOf(e, n)};
    }
}
