package org.pitbox.core.compare;

import java.util.Locale;

/** Round axis ticks: steps of 1, 2 or 5 times a power of ten. */
public final class Ticks {
    private static final double SLACK = 0.01;
    private Ticks() {
    }

    /** The round step that gives at most about {@code count} ticks over {@code lo..hi}. */
    public static double step(double lo, double hi, int count) {
        double raw = (hi - lo) / Math.max(1, count);
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    /** The multiples of {@code step} within {@code lo..hi}. */
    public static double[] within(double lo, double hi, double step) {
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        double[] out = new double[(int) Math.max(0, last - first + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (first + i) * step;
        }
        return out;
    }

    /**
     * A y axis for data from {@code lo} to {@code hi}: {@code {bottom, top, step}} widened to whole steps of
     * at least {@code minStep} (1 for gears), one step wide around flat data and {@code 0..1} without data.
     * Data beyond a whole step by less than a hundredth of a step (noise around 0 or 100 %) is not worth one.
     */
    public static double[] axis(double lo, double hi, int count, double minStep) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            lo = 0;
            hi = 1;
        } else if (hi - lo < 1e-9 * Math.max(1, Math.abs(hi))) {
            double half = Math.max(0.5, minStep);
            lo -= half;
            hi += half;
        }
        double step = Math.max(minStep, step(lo, hi, count));
        return new double[] {Math.floor(lo / step + SLACK) * step, Math.ceil(hi / step - SLACK) * step, step};
    }

    /** A tick value with as many decimals as its step needs ("0.25", "1200"). */
    public static String format(double value, double step) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }
}
