package org.pitbox.ui.widgets;

import java.util.Arrays;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.pitbox.core.compare.ComparedChannel;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.compare.DisplayUnit;
import org.pitbox.core.compare.Line;
import org.pitbox.core.compare.Ticks;
import org.pitbox.core.compare.XRange;

/**
 * One channel of a comparison on a Canvas: each lap's line in its colour over a grid, the y axis in the
 * channel's display unit, and a title row naming the channel with each lap's value at the cursor. Grid and
 * lines are drawn into an image once (double buffering) and again only when the data, the visible range
 * or the size change; a cursor move repaints just the title row and the cursor line over that image.
 */
final class StripChart {
    private static final int LEFT = 64;
    private static final int RIGHT = 16;

    private final ChartStack stack;
    private final Canvas canvas;
    private final int channel;
    private final DisplayUnit unit;
    private final boolean xAxis;
    private final Line line = new Line();
    private final double[] values;
    private int[] points = new int[0];
    private Image buffer;
    private boolean stale = true;
    private Rectangle plot = new Rectangle(0, 0, 0, 0);
    private double[] axis = {0, 1, 1};

    StripChart(ChartStack stack, Composite parent, int channel, DisplayUnit unit, boolean xAxis) {
        this.stack = stack;
        this.channel = channel;
        this.unit = unit;
        this.xAxis = xAxis;
        this.values = new double[stack.comparison().laps().size()];
        canvas = new Canvas(parent, SWT.NO_BACKGROUND | SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addDisposeListener(e -> {
            if (buffer != null) {
                buffer.dispose();
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    /** Redraws the lines at the next paint (the data or the visible range changed). */
    void invalidate() {
        stale = true;
        canvas.redraw();
    }

    /** The distance under pixel column {@code px} of the canvas, kept inside the visible range. */
    double toX(int px) {
        XRange view = stack.range();
        return Math.clamp(view.toX(px - LEFT, plotWidth()), view.from(), view.to());
    }

    int plotWidth() {
        return Math.max(1, canvas.getSize().x - LEFT - RIGHT);
    }

    /** Everything, straight into {@code gc} at {@code x, y}: for an offscreen image of the whole stack. */
    void draw(GC gc, int x, int y, int width, int height) {
        drawPlot(gc, x, y, width, height);
        drawCursor(gc, x, y, width, height);
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        if (area.width <= 0 || area.height <= 0) {
            return;
        }
        Rectangle had = buffer == null ? null : buffer.getBounds();
        if (stale || had == null || had.width != area.width || had.height != area.height) {
            if (buffer != null) {
                buffer.dispose();
            }
            buffer = new Image(canvas.getDisplay(), area.width, area.height);
            GC image = new GC(buffer);
            try {
                drawPlot(image, 0, 0, area.width, area.height);
            } finally {
                image.dispose();
            }
            stale = false;
        }
        gc.drawImage(buffer, 0, 0);
        drawCursor(gc, 0, 0, area.width, area.height);
    }

    /** Places the plot inside {@code x, y, width, height} and picks the y axis for its height. */
    private void layout(GC gc, int x, int y, int width, int height) {
        gc.setFont(canvas.getFont());
        int text = gc.getFontMetrics().getHeight();
        int top = title(text) + text / 2 + 2;
        plot = new Rectangle(x + LEFT, y + top, Math.max(0, width - LEFT - RIGHT),
                Math.max(0, height - top - (xAxis ? text + 8 : 6)));
        ComparedChannel c = stack.comparison().channels().get(channel);
        axis = Ticks.axis(unit.apply(c.min()), unit.apply(c.max()), Math.max(2, plot.height / (2 * text)),
                c.discrete() ? 1 : 0);
    }

    private void drawPlot(GC gc, int x, int y, int width, int height) {
        ChartColors colors = stack.colors();
        gc.setAntialias(SWT.ON);
        gc.setBackground(colors.background());
        gc.fillRectangle(x, y, width, height);
        layout(gc, x, y, width, height);
        if (plot.width < 10 || plot.height < 10) {
            return;
        }
        gc.setLineWidth(1);
        for (double v : Ticks.within(axis[0], axis[1], axis[2])) {
            int py = toPixelY(v);
            gc.setForeground(v == 0 && axis[0] < 0 ? colors.axis() : colors.grid());
            gc.drawLine(plot.x, py, plot.x + plot.width, py);
            String label = Ticks.format(v, axis[2]);
            Point size = gc.textExtent(label);
            gc.setForeground(colors.axis());
            gc.drawText(label, plot.x - 8 - size.x, py - size.y / 2, true);
        }
        drawDistanceGrid(gc, colors);
        gc.setClipping(plot.x, plot.y - 2, plot.width + 1, plot.height + 5);
        XRange view = stack.range();
        gc.setLineWidth(2);
        for (int lap = 0; lap < values.length; lap++) {
            gc.setForeground(colors.lap(lap));
            polyline(gc, stack.comparison().thin(channel, lap, view, plot.width, line), view);
        }
        gc.setLineWidth(1);
        gc.setClipping((Rectangle) null);
    }

    /** Vertical lines at round distances, labelled under the plot on the bottom chart. */
    private void drawDistanceGrid(GC gc, ChartColors colors) {
        XRange view = stack.range();
        DisplayUnit x = stack.distanceUnit();
        double from = x.apply(view.from());
        double to = x.apply(view.to());
        double step = Ticks.step(from, to, Math.max(2, plot.width / 110));
        for (double v : Ticks.within(from, to, step)) {
            int px = plot.x + (int) Math.round(view.toPixel(x.invert(v), plot.width));
            gc.setForeground(colors.grid());
            gc.drawLine(px, plot.y, px, plot.y + plot.height);
            if (xAxis) {
                String label = Ticks.format(v, step) + " " + x.label();
                Point size = gc.textExtent(label);
                gc.setForeground(colors.axis());
                gc.drawText(label, Math.clamp(px - size.x / 2, 0, plot.x + plot.width - size.x),
                        plot.y + plot.height + 4, true);
            }
        }
        gc.setForeground(colors.grid());
        gc.drawRectangle(plot);
    }

    /** The thinned line as polylines, broken where it has no data. */
    private void polyline(GC gc, int n, XRange view) {
        if (points.length < 2 * n) {
            points = new int[2 * n];
        }
        int k = 0;
        for (int i = 0; i <= n; i++) {
            double v = i < n ? line.y(i) : Double.NaN;
            if (!Double.isNaN(v)) {
                points[k++] = plot.x + (int) Math.round(view.toPixel(line.x(i), plot.width));
                points[k++] = toPixelY(unit.apply(v));
            } else if (k > 0) {
                gc.drawPolyline(k == points.length ? points : Arrays.copyOf(points, k));
                k = 0;
            }
        }
    }

    /** The title row (channel, unit, each lap's value at the cursor) and the cursor line. */
    private void drawCursor(GC gc, int left, int y, int width, int height) {
        ChartColors colors = stack.colors();
        Comparison comparison = stack.comparison();
        ComparedChannel c = comparison.channels().get(channel);
        layout(gc, left, y, width, height);
        gc.setAntialias(SWT.ON);
        gc.setFont(stack.bold());
        int text = gc.getFontMetrics().getHeight();
        gc.setBackground(colors.background());
        gc.fillRectangle(left, y, width, title(text));
        gc.setForeground(colors.foreground());
        String title = unit.label().isEmpty() ? c.name() : c.name() + " (" + unit.label() + ")";
        gc.drawText(title, left + 8, y + 4, true);
        int x = left + Math.max(LEFT + 8, 8 + gc.textExtent(title).x + 20);
        gc.setFont(canvas.getFont());
        double at = stack.cursor();
        boolean shown = !Double.isNaN(at);
        String[] labels = readout();
        for (int lap = 0; lap < values.length; lap++) {
            String label = labels[lap];
            gc.setBackground(colors.lap(lap));
            gc.fillRectangle(x, y + 4 + text / 2 - 1, 12, 3);
            gc.setForeground(colors.lap(lap));
            gc.drawText(label, x + 16, y + 4, true);
            x += 16 + gc.textExtent(label).x + 22;
        }
        XRange view = stack.range();
        if (!shown || at < view.from() || at > view.to() || plot.width < 10) {
            return;
        }
        int px = plot.x + (int) Math.round(view.toPixel(at, plot.width));
        gc.setForeground(colors.cursor());
        gc.drawLine(px, plot.y, px, plot.y + plot.height);
        for (int lap = 0; lap < values.length; lap++) {
            if (!Double.isNaN(values[lap])) {
                gc.setBackground(colors.lap(lap));
                gc.fillOval(px - 3, toPixelY(unit.apply(values[lap])) - 3, 7, 7);
            }
        }
    }

    /**
     * The title row's lap labels: each lap's short name and, with the cursor shown, its value there in the
     * display unit ("184  130"); fills {@link #values} with the recorded values at the cursor.
     */
    String[] readout() {
        double at = stack.cursor();
        boolean shown = !Double.isNaN(at);
        if (shown) {
            stack.comparison().valuesAt(channel, at, values);
        }
        String[] out = new String[values.length];
        for (int lap = 0; lap < values.length; lap++) {
            out[lap] = stack.label(lap) + (shown ? "  " + format(values[lap]) : "");
        }
        return out;
    }

    DisplayUnit unit() {
        return unit;
    }

    /** A cursor value with one decimal more than the y axis steps ("-" off the lap). */
    private String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        boolean whole = stack.comparison().channels().get(channel).discrete();
        return Ticks.format(unit.apply(value), whole ? 1 : axis[2] / 10);
    }

    /** Height of the title row. */
    private static int title(int text) {
        return text + 6;
    }

    private int toPixelY(double v) {
        return plot.y + (int) Math.round((axis[1] - v) / (axis[1] - axis[0]) * plot.height);
    }
}
