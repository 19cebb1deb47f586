package org.pitbox.core.laps;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list of doubles kept in a {@code double[]}: a lap's sector times cost 8 bytes each, not a
 * boxed {@code Double} apiece. It equals any list of the same values, as {@link List#copyOf} would.
 */
public final class DoubleList extends AbstractList<Double> implements RandomAccess {
    private static final DoubleList EMPTY = new DoubleList(new double[0]);

    private final double[] values;

    private DoubleList(double[] values) {
        this.values = values;
    }

    /** A copy of {@code values}. */
    public static DoubleList of(double... values) {
        return values.length == 0 ? EMPTY : new DoubleList(values.clone());
    }

    /** The list itself when it is a DoubleList, else a copy; a null element throws NullPointerException. */
    public static DoubleList copyOf(List<Double> list) {
        if (list instanceof DoubleList d) {
            return d;
        }
        double[] values = new double[list.size()];
        int i = 0;
        for (Double v : list) {
            values[i++] = v;
        }
        return values.length == 0 ? EMPTY : new DoubleList(values);
    }

    /** The value at {@code index}, without boxing. */
    public double getDouble(int index) {
        return values[index];
    }

    @Override
    public Double get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
