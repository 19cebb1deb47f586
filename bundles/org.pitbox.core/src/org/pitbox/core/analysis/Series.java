package org.pitbox.core.analysis;

import java.util.Objects;

/**
 * A line to plot: {@code y} against time in seconds or distance in metres, for one lap ({@code lap} is
 * its number) or the whole session ({@code lap} is -1). {@link #x()} and {@link #y()} return copies;
 * renderers read points with {@link #x(int)} and {@link #y(int)}.
 */
public record Series(String name, String unit, Axis axis, int lap, double[] x, double[] y) {

    public enum Axis {
        /** Seconds: from the lap start for a lap series, SessionTime for a session series. */
        TIME,
        /** Metres from the start/finish line. */
        DISTANCE
    }

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(axis, "axis");
        unit = Objects.requireNonNullElse(unit, "");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " x values, " + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    public int size() {
        return x.length;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}
