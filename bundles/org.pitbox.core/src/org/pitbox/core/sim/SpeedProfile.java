package org.pitbox.core.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The fastest speed at each track sample: corner speed from curvature and grip, limited by braking
 * into and accelerating out of every corner (the minimum of a forward and a backward pass).
 */
final class SpeedProfile {
    private static final double MERGE_METRES = 30;
    private static final double MIN_DROP = 3;

    private final double[] speed;
    private final double ds;
    private final double lapTime;
    private final double work;

    SpeedProfile(Track track) {
        int n = track.samples();
        ds = track.length() / n;
        double[] limit = new double[n];
        for (int i = 0; i < n; i++) {
            limit[i] = Car.cornerSpeed(track.curvature(i));
        }
        double[] fwd = limit.clone();
        double[] bwd = limit.clone();
        for (int r = 0; r < 2 * n; r++) {
            int i = r % n;
            int j = (i + 1) % n;
            double v = fwd[i];
            double a = Car.drive(v) - Car.resistance(v, track.curvature(i));
            fwd[j] = Math.min(limit[j], Math.sqrt(Math.max(0, v * v + 2 * a * ds)));
            int bi = n - 1 - i;
            int bj = (bi + n - 1) % n;
            double vb = bwd[bi];
            bwd[bj] = Math.min(limit[bj], Math.sqrt(vb * vb + 2 * Car.brake(vb) * ds));
        }
        speed = new double[n];
        for (int i = 0; i < n; i++) {
            speed[i] = Math.min(fwd[i], bwd[i]);
        }
        double time = 0;
        double w = 0;
        for (int i = 0; i < n; i++) {
            double v0 = speed[i];
            double v1 = speed[(i + 1) % n];
            double dt = 2 * ds / (v0 + v1);
            double a = (v1 - v0) / dt;
            time += dt;
            w += dt * TelemetrySimulator.fuelRate(Car.throttle(v0, a, track.curvature(i)));
        }
        lapTime = time;
        work = w;
    }

    /** Speed at distance s metres, interpolated between samples. */
    double at(double s) {
        double f = s / ds;
        int i = (int) f;
        int n = speed.length;
        i = i < 0 ? 0 : i >= n ? n - 1 : i;
        double v0 = speed[i];
        return v0 + (f - i) * (speed[(i + 1) % n] - v0);
    }

    /**
     * The braking zones from the line, as the coach finds corners: each run where the speed falls, runs less than
     * {@link #MERGE_METRES} apart merged, that loses {@link #MIN_DROP} m/s or more; {brake, apex} in metres.
     */
    List<double[]> brakingZones() {
        List<double[]> zones = new ArrayList<>();
        int n = speed.length;
        int start = -1;
        int apex = -1;
        for (int i = 0; i + 1 < n; i++) {
            if (speed[i + 1] < speed[i] - 1e-9) {
                if (start >= 0 && (i - apex) * ds > MERGE_METRES) {
                    add(zones, start, apex);
                    start = -1;
                }
                start = start < 0 ? i : start;
                apex = i + 1;
            }
        }
        if (start >= 0) {
            add(zones, start, apex);
        }
        return zones;
    }

    private void add(List<double[]> zones, int start, int apex) {
        if (speed[start] - speed[apex] >= MIN_DROP) {
            zones.add(new double[] {start * ds, apex * ds});
        }
    }

    /** Seconds from {@code from} to {@code to} metres at the limit. */
    double time(double from, double to) {
        double t = 0;
        for (double at = from; at < to; at += 1) {
            t += Math.min(1, to - at) / at(at);
        }
        return t;
    }

    /** Lap time at the limit everywhere, in seconds. */
    double lapTime() {
        return lapTime;
    }

    /** Integral of the relative fuel rate over an ideal lap, in seconds. */
    double fuelWork() {
        return work;
    }
}
