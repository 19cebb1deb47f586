package org.pitbox.core.compare;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pitbox.core.chart.Downsample;
import org.pitbox.core.chart.LapOverlay;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.math.Expression;
import org.pitbox.core.math.ExpressionException;
import org.pitbox.core.math.MathChannel;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.core.telemetry.Rows;

/**
 * Laps of one or more recordings side by side against lap distance: every channel resampled onto one
 * distance grid, and the time delta of each lap against a reference lap. Built with {@link #builder};
 * read-only afterwards (do not change the arrays it hands out), so any thread may read it.
 */
public final class Comparison {
    /** The time-delta channel: seconds behind the reference lap at each distance (negative: ahead). */
    public static final String DELTA = "Delta";
    /** What a comparison shows unless the user picks otherwise. */
    public static final List<String> DEFAULT_CHANNELS =
            List.of("Speed", "Throttle", "Brake", "Gear", "SteeringWheelAngle", DELTA);

    private final double[] pct;
    private final double[] distance;
    private final String distanceUnit;
    private final List<ComparedLap> laps;
    private final List<ComparedChannel> channels;
    private final int reference;
    private final List<String> notes;

    private Comparison(double[] pct, double[] distance, String distanceUnit, List<ComparedLap> laps,
            List<ComparedChannel> channels, int reference, List<String> notes) {
        this.pct = pct;
        this.distance = distance;
        this.distanceUnit = distanceUnit;
        this.laps = List.copyOf(laps);
        this.channels = List.copyOf(channels);
        this.reference = reference;
        this.notes = List.copyOf(notes);
    }

    /**
     * @param channels    channel names in display order; {@link #DELTA} for the time delta
     * @param trackLength metres, for a distance axis in metres; 0 or NaN for one in lap distance (0..1)
     */
    public static Builder builder(List<String> channels, double trackLength) {
        return new Builder(channels, trackLength);
    }

    /** Lap distance (0..1) of each grid point. */
    public double[] pct() {
        return pct;
    }

    /** The x axis: distance of each grid point in {@link #distanceUnit()}, ascending (0..1 for "%"). */
    public double[] distance() {
        return distance;
    }

    /** "m", or "%" (lap distance 0..1, as iRacing's LapDistPct) when the track length is unknown. */
    public String distanceUnit() {
        return distanceUnit;
    }

    public List<ComparedLap> laps() {
        return laps;
    }

    public List<ComparedChannel> channels() {
        return channels;
    }

    /** Index of the lap the deltas are measured against. */
    public int reference() {
        return reference;
    }

    /** What could not be shown, in words: a math channel using a channel one session lacks. Usually empty. */
    public List<String> notes() {
        return notes;
    }

    /** The whole lap as a zoom and pan state. */
    public XRange fullRange() {
        return new XRange(distance[0], distance[distance.length - 1]);
    }

    /** Each lap's value of channel {@code channel} at distance {@code x} into {@code out}; NaN off the lap. */
    public void valuesAt(int channel, double x, double[] out) {
        ComparedChannel c = channels.get(channel);
        LapOverlay.valuesAt(distance, c.values(), x, out);
        if (c.discrete()) {
            for (int i = 0; i < c.values().length; i++) {
                out[i] = Math.rint(out[i]);
            }
        }
    }

    /**
     * The visible part of one lap's line, min/max-thinned to {@code pixels} buckets (one per pixel
     * column), into {@code line}. Keeps one point beyond each edge so the line reaches the border.
     *
     * @return the number of points in {@code line}
     */
    public int thin(int channel, int lap, XRange view, int pixels, Line line) {
        int n = distance.length;
        int from = Math.max(0, LapOverlay.indexAt(distance, n, view.from()));
        int to = Math.min(n, LapOverlay.indexAt(distance, n, view.to()) + 2);
        line.ensure(Downsample.minMaxCapacity(pixels));
        double[] y = channels.get(channel).values()[lap];
        return line.size(Downsample.minMax(distance, y, from, to, pixels, line.xs(), line.ys()));
    }

    /** Collects laps (reading what it needs at once, so recordings may close after {@link #add}) and builds. */
    public static final class Builder {
        private final List<String> names;
        private final double trackLength;
        private final String[] units;
        private final boolean[] discrete;
        private final List<ComparedLap> laps = new ArrayList<>();
        private final List<Slice> slices = new ArrayList<>();
        private final Map<String, MathChannel> math = new LinkedHashMap<>();
        private final Map<String, Expression> parsed = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(List<String> names, double trackLength) {
            this.names = List.copyOf(names);
            this.trackLength = trackLength;
            this.units = new String[names.size()];
            this.discrete = new boolean[names.size()];
        }

        /**
         * Defines math channels: a name in the channel list that is one of these is computed from its
         * expression lap by lap (before any recorded channel of the same name). Call before {@link #add}.
         *
         * @throws ExpressionException when an expression does not parse
         */
        public Builder math(List<MathChannel> channels) {
            for (MathChannel c : channels) {
                if (names.contains(c.name())) {
                    parsed.put(c.name(), c.compile());
                    math.put(c.name(), c);
                }
            }
            return this;
        }

        /** Reads one lap of {@code recording}: LapDistPct, SessionTime and the channels it has. */
        public Builder add(String session, Recording recording, Lap lap) {
            ChannelLayout layout = recording.layout();
            ByteBuffer rows = recording.rows();
            int first = lap.firstRecord();
            int count = lap.lastRecord() - first + 1;
            double[] lapPct = read(recording, rows, layout.require("LapDistPct"), first, count);
            double[] time = read(recording, rows, layout.require("SessionTime"), first, count);
            double[][] values = new double[names.size()][];
            for (int c = 0; c < values.length; c++) {
                Expression expression = parsed.get(names.get(c));
                if (expression != null) {
                    values[c] = evaluate(session, recording, lap, names.get(c), expression, first, count);
                    units[c] = math.get(names.get(c)).unit();
                    continue;
                }
                ChannelDescriptor d = layout.find(names.get(c)).orElse(null);
                if (d != null && !names.get(c).equals(DELTA)) {
                    values[c] = read(recording, rows, d, first, count);
                    units[c] = units[c] == null ? d.unit() : units[c];
                    discrete[c] |= d.type() != ChannelType.FLOAT && d.type() != ChannelType.DOUBLE;
                }
            }
            laps.add(new ComparedLap(session, lap));
            slices.add(new Slice(lapPct, values, elapsed(lap, lapPct, time)));
            return this;
        }

        /** A math channel over one lap; null (no line) with a note when the recording lacks what it uses. */
        private double[] evaluate(String session, Recording recording, Lap lap, String name, Expression expression,
                int first, int count) {
            try {
                double[] out = new double[count];
                expression.evaluate(recording, first, count, out);
                return out;
            } catch (ExpressionException e) {
                notes.add(name + " is not shown for " + session + " lap " + lap.number() + ": " + e.getMessage());
                return null;
            }
        }

        /** Deltas against the fastest lap driven from line to line (the first lap when none is). */
        public Comparison build() {
            int best = 0;
            for (int i = 0; i < laps.size(); i++) {
                Lap lap = laps.get(i).lap();
                Lap old = laps.get(best).lap();
                boolean whole = lap.startPct() == 0 && lap.endPct() == 1;
                boolean oldWhole = old.startPct() == 0 && old.endPct() == 1;
                if (whole && (!oldWhole || lap.lapTime() < old.lapTime())) {
                    best = i;
                }
            }
            return build(best);
        }

        public Comparison build(int reference) {
            if (laps.isEmpty()) {
                throw new IllegalStateException("a comparison needs at least one lap");
            }
            int samples = 0;
            for (Slice s : slices) {
                samples = Math.max(samples, s.pct.length);
            }
            double[] grid = LapOverlay.grid(Math.clamp(2L * samples, 200, 50_000));
            double[][] elapsed = new double[laps.size()][grid.length];
            for (int l = 0; l < elapsed.length; l++) {
                double[][] e = slices.get(l).elapsed;
                LapOverlay.resample(e[0], e[1], 0, e[0].length, grid, elapsed[l]);
            }
            List<ComparedChannel> channels = new ArrayList<>(names.size());
            for (int c = 0; c < names.size(); c++) {
                String name = names.get(c);
                channels.add(name.equals(DELTA) ? ComparedChannel.of(DELTA, "s", false, delta(elapsed, reference))
                        : ComparedChannel.of(name, units[c] == null ? "" : units[c], discrete[c], resample(c, grid)));
            }
            boolean metres = trackLength > 0;
            double[] distance = new double[grid.length];
            for (int g = 0; g < grid.length; g++) {
                distance[g] = metres ? grid[g] * trackLength : grid[g];
            }
            return new Comparison(grid, distance, metres ? "m" : "%", laps, channels, reference, notes);
        }

        private double[][] resample(int channel, double[] grid) {
            double[][] out = new double[slices.size()][grid.length];
            for (int l = 0; l < out.length; l++) {
                Slice s = slices.get(l);
                double[] v = s.values[channel];
                if (v == null) {
                    Arrays.fill(out[l], Double.NaN);
                    continue;
                }
                LapOverlay.resample(s.pct, v, 0, v.length, grid, out[l]);
                if (discrete[channel]) {
                    for (int g = 0; g < grid.length; g++) {
                        out[l][g] = Math.rint(out[l][g]);
                    }
                }
            }
            return out;
        }

        /**
         * Each lap's elapsed time minus the reference's at the same distance, both taken from the first
         * distance the two share: from the line for whole laps.
         */
        private static double[][] delta(double[][] elapsed, int reference) {
            double[] ref = elapsed[reference];
            double[][] out = new double[elapsed.length][ref.length];
            for (int l = 0; l < out.length; l++) {
                double[] e = elapsed[l];
                int g0 = 0;
                while (g0 < ref.length && (Double.isNaN(e[g0]) || Double.isNaN(ref[g0]))) {
                    g0++;
                }
                double base = g0 < ref.length ? e[g0] - ref[g0] : Double.NaN;
                for (int g = 0; g < ref.length; g++) {
                    out[l][g] = e[g] - ref[g] - base;
                }
            }
            return out;
        }

        /** (distance, seconds since the lap began) pairs, pinned to the line where the lap crossed it. */
        private static double[][] elapsed(Lap lap, double[] pct, double[] time) {
            int n = pct.length;
            double[] p = new double[n + 2];
            double[] t = new double[n + 2];
            int k = 0;
            if (lap.startPct() == 0) {
                k++;
            }
            for (int i = 0; i < n; i++, k++) {
                p[k] = pct[i];
                t[k] = time[i] - lap.startTime();
            }
            if (lap.endPct() == 1) {
                p[k] = 1;
                t[k++] = lap.lapTime();
            }
            return new double[][] {Arrays.copyOf(p, k), Arrays.copyOf(t, k)};
        }

        private static double[] read(Recording r, ByteBuffer rows, ChannelDescriptor c, int first, int count) {
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                out[i] = Rows.asDouble(rows, r.rowStart(first + i), c, 0);
            }
            return out;
        }
    }

    /** One lap's raw samples: distance, each channel (null when the recording lacks it), elapsed time. */
    private record Slice(double[] pct, double[][] values, double[][] elapsed) {
    }
}
