package org.pitbox.core.compare;

/**
 * The visible part of an x axis, for zoom and pan: always inside {@code min..max} and never narrower than
 * a thousandth of it. Pixel conversions are relative to the plot's left edge.
 */
public final class XRange {
    private final double min;
    private final double max;
    private double from;
    private double to;

    public XRange(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        this.min = min;
        this.max = max;
        this.from = min;
        this.to = max;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double from() {
        return from;
    }

    public double to() {
        return to;
    }

    public double span() {
        return to - from;
    }

    public boolean zoomed() {
        return from > min || to < max;
    }

    /** Shows everything again. */
    public void reset() {
        from = min;
        to = max;
    }

    /** Scales the visible span by {@code factor} (below 1 zooms in), keeping {@code at} where it is on screen. */
    public void zoom(double factor, double at) {
        double span = Math.clamp(span() * factor, (max - min) / 1000, max - min);
        double share = (at - from) / span();
        place(at - share * span, span);
    }

    /** Moves the visible span by {@code dx} (positive: further along the lap), stopping at the ends. */
    public void pan(double dx) {
        place(from + dx, span());
    }

    /**
     * Shows {@code from .. to}, kept inside {@code min .. max} and at least a thousandth of it wide: to keep
     * the view when the charts are rebuilt (another unit, another channel).
     */
    public void show(double from, double to) {
        double span = Math.clamp(to - from, (max - min) / 1000, max - min);
        place(from, span);
    }

    public double toPixel(double x, double width) {
        return (x - from) / (to - from) * width;
    }

    public double toX(double pixel, double width) {
        return from + pixel / width * (to - from);
    }

    private void place(double start, double span) {
        from = Math.clamp(start, min, max - span);
        to = from + span;
    }
}
