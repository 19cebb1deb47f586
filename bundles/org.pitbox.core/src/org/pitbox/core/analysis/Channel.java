package org.pitbox.core.analysis;

import java.util.Arrays;

/** One channel of a session as read-only values, one per record (element 0 of array channels). */
public final class Channel {
    private final String name;
    private final String unit;
    private final double[] values;

    Channel(String name, String unit, double[] values) {
        this.name = name;
        this.unit = unit;
        this.values = values;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    /** The value at record {@code record}. */
    public double get(int record) {
        return values[record];
    }

    public int length() {
        return values.length;
    }

    /** A copy of records {@code from} (inclusive) to {@code to} (exclusive). */
    public double[] copy(int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }
}
