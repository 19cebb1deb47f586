package org.pitbox.core.compare;

/** A reusable buffer of points for one drawn line (x ascending, NaN y for a gap); grows, never shrinks. */
public final class Line {
    private double[] x = new double[0];
    private double[] y = new double[0];
    private int size;

    public int size() {
        return size;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    void ensure(int capacity) {
        if (x.length < capacity) {
            x = new double[capacity];
            y = new double[capacity];
        }
    }

    double[] xs() {
        return x;
    }

    double[] ys() {
        return y;
    }

    int size(int n) {
        size = n;
        return n;
    }
}
