package org.pitbox.ui.overlay;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.live.Trace;

/**
 * Paints the pedals and steering box: throttle, brake and steering traces over the last four seconds, and a bar
 * for each pedal now. Allocates nothing.
 */
final class InputsPainter {
    private static final int LINE_STEP = 16;

    private final Palette p;
    private final int[] points = new int[OverlayModel.TRACE * 4 + 2];
    /**
     * Polyline arrays by length, in steps of {@link #LINE_STEP} coordinates: drawPolyline draws a whole array, and
     * padding one long array with its last point costs as much as the stroke itself.
     */
    private final int[][] lines = new int[points.length / LINE_STEP + 2][];

    InputsPainter(Palette palette) {
        p = palette;
        for (int i = 0; i < lines.length; i++) {
            lines[i] = new int[i * LINE_STEP];
        }
    }

    /** Paints the box at {@code r}. */
    void paint(GC gc, Rectangle r, OverlayModel m) {
        int w = r.width - 40;
        int h = r.height - 16;
        int top = r.y + 8;
        long f = m.frames();
        gc.setLineWidth(2);
        trace(gc, m.throttleTrace(), f, r.x + 8, top, w, h, 0, 1, p.green);
        trace(gc, m.brakeTrace(), f, r.x + 8, top, w, h, 0, 1, p.red);
        trace(gc, m.steeringTrace(), f, r.x + 8, top, w, h, -Math.PI, Math.PI, p.text);
        gc.setLineWidth(1);
        bar(gc, m.throttleTrace(), r.x + w + 14, top, h, p.green);
        bar(gc, m.brakeTrace(), r.x + w + 26, top, h, p.red);
    }

    /**
     * The trace scaled so {@code low..high} fills the height, the newest sample at the right, drawn as steps through
     * every other sample (by its number since the start, so the shape does not shimmer as it scrolls) and the
     * newest: a stroke costs per segment, and a path of only level and upright lines costs the least. A flat run is
     * one step. {@code frames} is the number of samples ever added.
     */
    private void trace(GC gc, Trace t, long frames, int x, int y, int w, int h, double low, double high, Color c) {
        int n = t.size();
        if (n < 2) {
            return;
        }
        int k = 0;
        int level = Integer.MIN_VALUE;
        int px = x;
        for (int i = 0; i < n; i++) {
            if (((frames - n + i) & 1) == 1 && i < n - 1) {
                continue;
            }
            double v = Math.max(low, Math.min(high, t.get(i)));
            px = x + (t.capacity() - n + i) * w / (t.capacity() - 1);
            int py = y + h - (int) ((v - low) / (high - low) * h);
            if (py != level) {
                if (k > 0) {
                    k = point(k, px, level);
                }
                k = point(k, px, py);
                level = py;
            }
        }
        k = point(k, px, level);
        gc.setForeground(c);
        gc.drawPolyline(line(k));
    }

    private int point(int k, int px, int py) {
        points[k] = px;
        points[k + 1] = py;
        return k + 2;
    }

    /** The first {@code k} coordinates of {@link #points}, padded with the last point to a length step. */
    private int[] line(int k) {
        int[] line = lines[(k + LINE_STEP - 1) / LINE_STEP];
        System.arraycopy(points, 0, line, 0, k);
        for (int i = k; i < line.length; i++) {
            line[i] = points[k - 2 + (i & 1)];
        }
        return line;
    }

    private void bar(GC gc, Trace t, int x, int y, int h, Color c) {
        float v = t.size() == 0 ? 0 : Math.max(0, Math.min(1, t.get(t.size() - 1)));
        gc.setBackground(p.back);
        gc.fillRectangle(x, y, 8, h);
        gc.setBackground(c);
        int filled = (int) (v * h);
        gc.fillRectangle(x, y + h - filled, 8, filled);
    }
}
