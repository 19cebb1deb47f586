package org.pitbox.core.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A circuit built from straights and arcs. Corner angles are scaled so the lap turns through exactly one
 * full circle, straights so the lap has the official length and then (least squares) so it closes; the
 * path is sampled about every metre, curvature is smoothed over a few metres and the small remaining
 * gap is spread along the lap.
 * Positive curvature turns left; x points east and y north, in metres.
 */
public final class Track {
    private static final int SMOOTH = 6;

    private final String name;
    private final String displayName;
    private final String configName;
    private final int id;
    private final String type;
    private final String city;
    private final String country;
    private final double latitude;
    private final double longitude;
    private final double altitude;
    private final double pitSpeedLimitKph;
    private final double pitEntryPct;
    private final double stallPct;
    private final double pitExitPct;
    private final List<Double> sectorStarts;
    private final int turns;
    private final double length;
    private final double closingGap;
    private final double[] x;
    private final double[] y;
    private final double[] curvature;

    private Track(Builder b) {
        name = b.name;
        displayName = b.displayName;
        configName = b.configName;
        id = b.id;
        type = b.type;
        city = b.city;
        country = b.country;
        latitude = b.latitude;
        longitude = b.longitude;
        altitude = b.altitude;
        pitSpeedLimitKph = b.pitKph;
        pitEntryPct = b.pitEntryPct;
        stallPct = b.stallPct;
        pitExitPct = b.pitExitPct;
        sectorStarts = List.copyOf(b.sectors);
        length = b.length;
        int n = (int) Math.round(length);
        x = new double[n];
        y = new double[n];
        curvature = sampleCurvature(b, n);
        int corners = 0;
        for (double[] seg : b.segments) {
            corners += seg[1] != 0 ? 1 : 0;
        }
        turns = corners;
        closingGap = trace();
    }

    /** Curvature at n evenly spaced points, smoothed, with a total turn of exactly one circle. */
    private static double[] sampleCurvature(Builder b, int n) {
        int m = b.segments.size();
        double[] len = new double[m];
        double[] k = new double[m];
        double angle = 0;
        double straights = 0;
        for (double[] seg : b.segments) {
            angle += seg[1];
            straights += seg[1] == 0 ? seg[0] : 0;
        }
        double turnScale = 2 * Math.PI / Math.abs(angle);
        double corners = 0;
        for (int i = 0; i < m; i++) {
            double[] seg = b.segments.get(i);
            if (seg[1] != 0) {
                k[i] = Math.signum(seg[1]) / seg[0];
                len[i] = seg[0] * Math.abs(seg[1]) * turnScale;
                corners += len[i];
            }
        }
        double straightScale = (b.length - corners) / straights;
        if (straightScale <= 0) {
            throw new IllegalStateException(b.name + ": corners longer than the lap");
        }
        for (int i = 0; i < m; i++) {
            len[i] = k[i] == 0 ? b.segments.get(i)[0] * straightScale : len[i];
        }
        close(b.name, len, k);
        double[] raw = new double[n];
        double ds = b.length / n;
        int i = 0;
        double end = 0;
        for (int j = 0; j < m; j++) {
            end += len[j];
            for (; i < n && (i + 0.5) * ds < end; i++) {
                raw[i] = k[j];
            }
        }
        double[] smooth = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int w = -SMOOTH; w <= SMOOTH; w++) {
                s += raw[Math.floorMod(j + w, n)];
            }
            smooth[j] = s / (2 * SMOOTH + 1);
            sum += smooth[j] * ds;
        }
        double fix = Math.signum(angle) * 2 * Math.PI / sum;
        for (int j = 0; j < n; j++) {
            smooth[j] *= fix;
        }
        return smooth;
    }

    /**
     * Changes the straights as little as possible (least squares) so the lap ends where it starts,
     * keeping the total length.
     */
    private static void close(String name, double[] len, double[] k) {
        double gx = 0;
        double gy = 0;
        double h = 0;
        double[] heading = new double[len.length];
        for (int i = 0; i < len.length; i++) {
            heading[i] = h;
            if (k[i] == 0) {
                gx += len[i] * Math.cos(h);
                gy += len[i] * Math.sin(h);
            } else {
                double h1 = h + len[i] * k[i];
                gx += (Math.sin(h1) - Math.sin(h)) / k[i];
                gy += (Math.cos(h) - Math.cos(h1)) / k[i];
                h = h1;
            }
        }
        double[][] a = new double[3][3];
        for (int i = 0; i < len.length; i++) {
            if (k[i] == 0) {
                double[] row = {Math.cos(heading[i]), Math.sin(heading[i]), 1};
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        a[r][c] += row[r] * row[c];
                    }
                }
            }
        }
        double[] lambda = solve(a, new double[] {-gx, -gy, 0});
        for (int i = 0; i < len.length; i++) {
            if (k[i] == 0) {
                len[i] += lambda[0] * Math.cos(heading[i]) + lambda[1] * Math.sin(heading[i]) + lambda[2];
                if (len[i] < 10) {
                    throw new IllegalStateException(name + ": cannot close the lap, straight " + i + " would be "
                            + Math.round(len[i]) + " m");
                }
            }
        }
    }

    /** Solves a 3x3 system by Cramer's rule. */
    private static double[] solve(double[][] a, double[] b) {
        double det = det(a);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int r = 0; r < 3; r++) {
                m[r][c] = b[r];
            }
            x[c] = det(m) / det;
        }
        return x;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** Traces x and y from the curvature; returns the closing gap before spreading it. */
    private double trace() {
        int n = x.length;
        double ds = length / n;
        double heading = 0;
        double px = 0;
        double py = 0;
        for (int i = 0; i < n; i++) {
            x[i] = px;
            y[i] = py;
            double mid = heading + curvature[i] * ds / 2;
            px += Math.cos(mid) * ds;
            py += Math.sin(mid) * ds;
            heading += curvature[i] * ds;
        }
        for (int i = 0; i < n; i++) {
            x[i] -= px * i / n;
            y[i] -= py * i / n;
        }
        return Math.hypot(px, py);
    }

    /** Distance between the traced end and start before it was spread along the lap, in metres. */
    public double closingGap() {
        return closingGap;
    }

    /** iRacing's internal name, such as {@code monza full}. */
    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public String configName() {
        return configName;
    }

    public int id() {
        return id;
    }

    /** iRacing track type, such as {@code road course}. */
    public String type() {
        return type;
    }

    public String city() {
        return city;
    }

    public String country() {
        return country;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public double altitude() {
        return altitude;
    }

    public double pitSpeedLimitKph() {
        return pitSpeedLimitKph;
    }

    /** Lap distance where pit road starts (before the line). */
    public double pitEntryPct() {
        return pitEntryPct;
    }

    /** Lap distance of the pit stall (after the line). */
    public double stallPct() {
        return stallPct;
    }

    /** Lap distance where pit road ends. */
    public double pitExitPct() {
        return pitExitPct;
    }

    public List<Double> sectorStarts() {
        return sectorStarts;
    }

    public int turns() {
        return turns;
    }

    /** Lap length in metres. */
    public double length() {
        return length;
    }

    /** Number of path samples; sample i is at {@code i * length() / samples()} metres. */
    public int samples() {
        return x.length;
    }

    public double x(int sample) {
        return x[sample];
    }

    public double y(int sample) {
        return y[sample];
    }

    /** Signed curvature in 1/m, positive to the left. */
    public double curvature(int sample) {
        return curvature[sample];
    }

    @Override
    public String toString() {
        return name + " (" + displayName + ", " + Math.round(length) + " m)";
    }

    public static Builder builder(String name, String displayName, int id, double length) {
        return new Builder(name, displayName, id, length);
    }

    public static final class Builder {
        private final String name;
        private final String displayName;
        private final int id;
        private final double length;
        private String configName = "";
        private String type = "road course";
        private String city = "";
        private String country = "";
        private double latitude;
        private double longitude;
        private double altitude;
        private double pitKph = 80;
        private double pitEntryPct = 0.94;
        private double stallPct = 0.01;
        private double pitExitPct = 0.06;
        private List<Double> sectors = List.of(0.0);
        /** {length, 0} for straights, {radius, signed angle in radians} for corners. */
        private final List<double[]> segments = new ArrayList<>();

        private Builder(String name, String displayName, int id, double length) {
            this.name = name;
            this.displayName = displayName;
            this.id = id;
            this.length = length;
        }

        public Builder config(String configName, String type) {
            this.configName = configName;
            this.type = type;
            return this;
        }

        public Builder place(String city, String country, double latitude, double longitude, double altitude) {
            this.city = city;
            this.country = country;
            this.latitude = latitude;
            this.longitude = longitude;
            this.altitude = altitude;
            return this;
        }

        public Builder pits(double entryPct, double stallPct, double exitPct, double limitKph) {
            this.pitEntryPct = entryPct;
            this.stallPct = stallPct;
            this.pitExitPct = exitPct;
            this.pitKph = limitKph;
            return this;
        }

        public Builder sectors(Double... starts) {
            this.sectors = List.of(starts);
            return this;
        }

        public Builder straight(double metres) {
            segments.add(new double[] {metres, 0});
            return this;
        }

        public Builder left(double radius, double degrees) {
            segments.add(new double[] {radius, Math.toRadians(degrees)});
            return this;
        }

        public Builder right(double radius, double degrees) {
            segments.add(new double[] {radius, -Math.toRadians(degrees)});
            return this;
        }

        public Track build() {
            return new Track(this);
        }
    }
}
