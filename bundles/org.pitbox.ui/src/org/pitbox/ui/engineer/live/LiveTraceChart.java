package org.pitbox.ui.engineer.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.pitbox.core.compare.DisplayUnit;
import org.pitbox.core.engineer.LapTraces;
import org.pitbox.core.laps.Lap;
import org.pitbox.ui.widgets.ColorMix;
import org.pitbox.ui.widgets.TextFit;

/**
 * The lap in progress over the session's best lap against lap distance, one strip per channel plus the time
 * delta on top. {@link #take} copies the traces out of the live models (no allocation once sized); a frame
 * repaints only the stretch of lap the car covered since the last one (SWT copies a cached image in full on
 * every draw, so there is none). Colours are read on a full repaint only: on GTK each read of a widget's colour
 * prints and parses the whole CSS. A channel name too long for the margin is shortened; hovering over it shows
 * the full name.
 */
final class LiveTraceChart {
    /** Units of iRacing's channels, for the axis labels (live rows carry names and types only). */
    static final Map<String, String> UNITS = Map.of("Speed", "m/s", "Throttle", "%", "Brake", "%", "Clutch", "%",
            "SteeringWheelAngle", "rad", "RPM", "revs/min", "LatAccel", "m/s^2", "LongAccel", "m/s^2",
            "FuelLevel", "l", "YawRate", "rad/s");
    static final List<String> DEFAULT_CHANNELS = List.of("Speed", "Throttle", "Brake", "Gear", "SteeringWheelAngle");
    private static final int LEFT = 78;
    private static final int GAP = 6;
    /** The car's progress, in pixels, worth a repaint: less shows no difference a watcher could follow. */
    private static final int STEP = 2;
    /** Room for the labels left of the strips. */
    static final int LABEL_WIDTH = LEFT - 8;
    private static final String TOOLTIP = "The lap in progress (yellow) over the session's best lap (green) against"
            + " lap distance; the top strip is the time delta to the best lap";

    private final Canvas canvas;
    /** The channels asked for, and those of them the watched car has (drawn, in that order). */
    private final List<String> requested = new ArrayList<>();
    private final List<String> channels = new ArrayList<>();
    private LapTraces taken;
    /** Per strip (delta first): the lap in progress, the best lap, and the y range {min, max}. */
    private final List<float[]> current = new ArrayList<>();
    private final List<float[]> best = new ArrayList<>();
    private final List<float[]> ranges = new ArrayList<>();
    private int[] line = new int[0];
    private boolean imperial;
    private Lap bestLap;
    private String empty = "Nobody is watched yet";
    private boolean stale = true;
    /** The last bin of the lap in progress drawn, and the one reached now. */
    private int drawnBin = -1;
    private int reachedBin = -1;
    /** The canvas's colours and those mixed from them, read on the last full repaint. */
    private Color background;
    private Color foreground;
    private Color grid;
    private Color bestColour;
    private Color nowColour;
    /** The label of each strip as drawn (shortened to the margin), by the strip's full name. */
    private final Map<String, String> shortNames = new HashMap<>();
    private Font shortNamesFont;

    LiveTraceChart(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> stale = true);
        canvas.addListener(SWT.MouseMove, e -> hover(e.x, e.y));
        canvas.setToolTipText(TOOLTIP);
    }

    Canvas control() {
        return canvas;
    }

    /** The channels asked for (the watched car may lack some; they come back with a car that has them). */
    List<String> channels() {
        return List.copyOf(requested);
    }

    void setChannels(List<String> names) {
        requested.clear();
        requested.addAll(names);
        resetStrips();
    }

    private void resetStrips() {
        channels.clear();
        current.clear();
        best.clear();
        ranges.clear();
        taken = null;
        stale = true;
    }

    boolean imperial() {
        return imperial;
    }

    void setImperial(boolean imperial) {
        this.imperial = imperial;
        resetStrips();
    }

    /** Copies the traces; call while the models are held still. */
    void take(LapTraces traces) {
        int bins = traces.bins();
        if (traces != taken) { // another session: its own channels and ranges
            resetStrips();
            taken = traces;
            requested.stream().filter(traces::has).forEach(channels::add);
        }
        while (current.size() < channels.size() + 1) {
            current.add(new float[bins]);
            best.add(new float[bins]);
            ranges.add(new float[] {Float.NaN, Float.NaN});
        }
        if (line.length != bins * 2) {
            line = new int[bins * 2];
        }
        System.arraycopy(traces.delta(), 0, current.get(0), 0, bins);
        for (int i = 0; i < channels.size(); i++) {
            DisplayUnit unit = unit(channels.get(i));
            System.arraycopy(traces.current(channels.get(i)), 0, current.get(i + 1), 0, bins);
            System.arraycopy(traces.best(channels.get(i)), 0, best.get(i + 1), 0, bins);
            scale(current.get(i + 1), unit);
            scale(best.get(i + 1), unit);
        }
        if (traces.bestLap() != bestLap) { // a new best lap: the ranges start again from it
            bestLap = traces.bestLap();
            ranges.forEach(r -> Arrays.fill(r, Float.NaN));
            stale = true;
        }
        for (int s = 0; s < current.size(); s++) {
            stale |= widen(ranges.get(s), current.get(s), best.get(s), s == 0);
        }
        reachedBin = lastReached(current.get(current.size() > 1 ? 1 : 0));
        empty = null;
    }

    private static int lastReached(float[] trace) {
        for (int k = trace.length - 1; k >= 0; k--) {
            if (trace[k] == trace[k]) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Repaints what changed since the last paint: the strip of lap distance the car covered, or everything
     * after a new lap, a new range or a resize; true when it asked for a repaint.
     */
    boolean redrawChanged() {
        Rectangle area = canvas.getClientArea();
        int width = area.width - LEFT - 10;
        if (stale || empty != null || reachedBin < drawnBin || drawnBin < 0 || width < 20 || line.length == 0) {
            canvas.redraw();
            return true;
        }
        int bins = line.length / 2;
        int from = LEFT + drawnBin * width / (bins - 1);
        int to = LEFT + reachedBin * width / (bins - 1);
        if (to - from < STEP) {
            return false; // the strip waits until the car has covered a few pixels
        }
        canvas.redraw(from - 3, 0, to - from + 6, area.height, false);
        return true;
    }

    void clear(String text) {
        if (!text.equals(empty)) {
            resetStrips();
            bestLap = null;
            empty = text;
            canvas.redraw();
        }
    }

    private DisplayUnit unit(String channel) {
        return DisplayUnit.of(UNITS.getOrDefault(channel, ""), imperial);
    }

    private static void scale(float[] values, DisplayUnit unit) {
        if (unit.factor() != 1 || unit.offset() != 0) {
            for (int k = 0; k < values.length; k++) {
                values[k] = (float) unit.apply(values[k]);
            }
        }
    }

    /** Widens {@code range} to hold both traces, in round steps so it seldom changes; true when it changed. */
    private static boolean widen(float[] range, float[] a, float[] b, boolean centred) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < a.length; k++) {
            if (a[k] == a[k]) {
                min = Math.min(min, a[k]);
                max = Math.max(max, a[k]);
            }
            if (b[k] == b[k]) {
                min = Math.min(min, b[k]);
                max = Math.max(max, b[k]);
            }
        }
        if (min > max) {
            return false;
        }
        if (centred) {
            max = Math.max(Math.abs(min), Math.abs(max));
            min = -max;
        }
        boolean fresh = range[0] != range[0];
        if (!fresh && min >= range[0] && max <= range[1]) {
            return false;
        }
        float step = step(Math.max(max - min, 1e-3f));
        range[0] = fresh ? (float) Math.floor(min / step) * step : Math.min(range[0], (float) Math.floor(min / step) * step);
        range[1] = fresh ? (float) Math.ceil(max / step) * step : Math.max(range[1], (float) Math.ceil(max / step) * step);
        if (range[1] - range[0] < 1e-6f) {
            range[1] = range[0] + 1;
        }
        return true;
    }

    /** A round step of about a fifth of {@code span}: 1, 2 or 5 times a power of ten. */
    private static float step(float span) {
        double raw = span / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / power;
        return (float) ((r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * power);
    }

    /** Paints the clipped area only: a frame usually repaints just the few pixels the car covered. */
    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        Rectangle clip = gc.getClipping();
        if (background == null || clip.width >= area.width) {
            readColors(); // a full repaint, as after a theme change
        }
        gc.setBackground(background);
        gc.fillRectangle(clip);
        gc.setForeground(foreground);
        if (empty != null || current.isEmpty()) {
            gc.drawText(empty == null ? "No traced channels" : empty, 12, 12, true);
            return;
        }
        int strips = current.size();
        int height = stripHeight(area, strips);
        int width = area.width - LEFT - 10;
        if (height < 12 || width < 20) {
            return;
        }
        Color now = nowColour;
        gc.setAntialias(SWT.OFF);
        int bins = current.get(0).length;
        int from = Math.max(0, (clip.x - LEFT) * (bins - 1) / width - 1);
        int to = Math.min(bins - 1, (clip.x + clip.width - LEFT) * (bins - 1) / width + 2);
        for (int s = 0; s < strips; s++) {
            int top = GAP + s * (height + GAP);
            if (top > clip.y + clip.height || top + height < clip.y) {
                continue;
            }
            float[] range = ranges.get(s);
            gc.setForeground(grid);
            gc.drawRectangle(LEFT, top, width, height);
            if (range[0] < 0 && range[1] > 0) {
                int zero = y(0, range, top, height);
                gc.drawLine(LEFT, zero, LEFT + width, zero);
            }
            if (clip.x < LEFT) {
                labels(gc, s, range, top, height);
            }
            if (s > 0 && bestLap != null) {
                gc.setForeground(bestColour);
                drawLine(gc, best.get(s), from, to, range, top, width, height);
            }
            gc.setForeground(now);
            gc.setLineWidth(2);
            drawLine(gc, current.get(s), from, to, range, top, width, height);
            gc.setLineWidth(1);
        }
        drawnBin = reachedBin;
        stale = false;
    }

    /** Whether the charts were last drawn on a dark background (the dark theme), without reading it again. */
    boolean dark() {
        return LiveColors.dark(background == null ? canvas.getBackground() : background);
    }

    private void readColors() {
        background = canvas.getBackground();
        foreground = canvas.getForeground();
        grid = ColorMix.mix(background, foreground, 0.15);
        bestColour = LiveColors.BEST.on(background);
        nowColour = LiveColors.CURRENT.on(background);
    }

    private static int stripHeight(Rectangle area, int strips) {
        return (area.height - GAP * strips) / strips;
    }

    private void labels(GC gc, int strip, float[] range, int top, int height) {
        String name = stripName(strip);
        String unit = strip == 0 ? "s" : unit(name).label();
        gc.setForeground(foreground);
        int lineHeight = gc.getFontMetrics().getHeight();
        gc.drawText(shortName(gc, name), 4, top, true);
        if (height >= 3 * lineHeight && range[0] == range[0]) {
            gc.drawText(fit(gc, unit), 4, top + lineHeight, true);
            gc.drawText(fit(gc, rangeLabel(range[0], range[1])), 4, top + height - lineHeight, true);
        }
    }

    private String stripName(int strip) {
        return strip == 0 ? "Delta" : channels.get(strip - 1);
    }

    /** {@code name} as it fits the margin, worked out once per font. */
    private String shortName(GC gc, String name) {
        if (gc.getFont() != shortNamesFont) {
            shortNames.clear();
            shortNamesFont = gc.getFont();
        }
        return shortNames.computeIfAbsent(name, n -> fit(gc, n));
    }

    /** {@code text}, cut with an ellipsis where it would run into the strips. */
    private static String fit(GC gc, String text) {
        return TextFit.fit(gc, text, LABEL_WIDTH);
    }

    /** The label shown for the strip of {@code name}, or null when it is not drawn (yet). */
    String shownName(String name) {
        return shortNames.get(name);
    }

    /** Over a strip's label, the tooltip names its channel in full; elsewhere it explains the chart. */
    private void hover(int x, int y) {
        String tip = TOOLTIP;
        int strips = current.size();
        if (x < LEFT && strips > 0 && empty == null) {
            int s = Math.min(strips - 1, Math.max(0, (y - GAP) / (stripHeight(canvas.getClientArea(), strips) + GAP)));
            String name = stripName(s);
            String unit = s == 0 ? "s" : unit(name).label();
            tip = (s == 0 ? "Time delta to the best lap" : name) + (unit.isEmpty() ? "" : " (" + unit + ")");
        }
        if (!tip.equals(canvas.getToolTipText())) {
            canvas.setToolTipText(tip);
        }
    }

    private static int y(float v, float[] range, int top, int height) {
        float clamped = Math.max(range[0], Math.min(range[1], v));
        return top + height - Math.round((clamped - range[0]) / (range[1] - range[0]) * height);
    }

    /**
     * Draws bins {@code from} to {@code to} as polylines, broken where a bin is NaN (stroking only what the clip
     * shows: Cairo strokes a whole path even where it is clipped away).
     */
    private void drawLine(GC gc, float[] values, int from, int to, float[] range, int top, int width, int height) {
        if (range[0] != range[0]) {
            return;
        }
        int n = 0;
        for (int k = from; k <= to; k++) {
            float v = values[k];
            if (v != v) {
                n = flush(gc, n);
                continue;
            }
            line[n++] = LEFT + k * width / (values.length - 1);
            line[n++] = y(v, range, top, height);
        }
        flush(gc, n);
    }

    private int flush(GC gc, int n) {
        if (n >= 4) {
            gc.drawPolyline(n == line.length ? line : Arrays.copyOf(line, n));
        }
        return 0;
    }

    /**
     * The axis range as "lo..hi", with as many decimals (at most 3) as tell the two ends apart: "-0.02..0.02", not
     * "-0.0..0.0"; whole numbers and ranges of 100 or more without decimals; never "-0".
     */
    static String rangeLabel(float lo, float hi) {
        int decimals = 0;
        boolean whole = lo == Math.rint(lo) && hi == Math.rint(hi);
        if (!whole && Math.max(Math.abs(lo), Math.abs(hi)) < 100) {
            double half = Math.max((hi - lo) / 2.0, 1e-3);
            decimals = (int) Math.max(1, Math.min(3, Math.ceil(-Math.log10(half))));
        }
        return number(lo, decimals) + ".." + number(hi, decimals);
    }

    private static String number(float v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }
}
