package org.pitbox.ui.engineer.live;

import java.util.Arrays;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.pitbox.core.engineer.TrackMap;

/**
 * The track outline the car drew on its own, with the car's position on it and the start/finish line. A frame
 * repaints only around the car's old and new place, in the colours read on the last full repaint.
 */
final class TrackMapCanvas {
    private static final int MARGIN = 14;
    private static final int TITLE = 16;
    private static final String NOBODY = "Nobody is watched yet";

    private final Canvas canvas;
    private float[] xs;
    private float[] ys;
    private float minX;
    private float maxX;
    private float minY;
    private float maxY;
    private double carX = Double.NaN;
    private double carY = Double.NaN;
    private double drawnX = Double.NaN;
    private String drawnNote;
    private double drawnY = Double.NaN;
    private String note = "The map appears after one full lap";
    private float[] outlineOf;
    private Rectangle outlineArea;
    private int[] points;
    private double scale;
    private double offX;
    private double offY;
    private Color background;
    private Color foreground;
    private Color lineColour;
    private Color carColour;

    TrackMapCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.setToolTipText("Track map drawn from the car's own path (GPS where the car sends it, else lap"
                + " distance with yaw and speed); the yellow dot is the car, the red tick the start/finish line");
    }

    Canvas control() {
        return canvas;
    }

    /**
     * Repaints what changed: where the car was and where it is, or everything for a new outline.
     */
    void redrawChanged() {
        if (xs == null) {
            if (!note.equals(drawnNote)) {
                canvas.redraw();
            }
            return;
        }
        if (outlineOf != xs) {
            canvas.redraw();
            return;
        }
        if (px(carX) != px(drawnX) || py(carY) != py(drawnY)) {
            dot(drawnX, drawnY);
            dot(carX, carY);
        }
    }

    private void dot(double x, double y) {
        if (x == x && y == y) {
            canvas.redraw(px(x) - 8, py(y) - 8, 16, 16, false);
        }
    }

    /** Copies the outline and the car's place; call while the models are held still. */
    void take(TrackMap map) {
        if (map.ready()) {
            xs = map.xs(); // replaced, never changed, when the map adopts another lap
            ys = map.ys();
            minX = map.minX();
            maxX = map.maxX();
            minY = map.minY();
            maxY = map.maxY();
            note = map.source() == TrackMap.Source.GPS ? "GPS" : "from lap distance, yaw and speed";
        } else {
            xs = null;
            note = map.source() == TrackMap.Source.NONE ? "No position channels in this feed: no map"
                    : "The map appears after one full lap";
        }
        carX = map.carX();
        carY = map.carY();
    }

    void clear() {
        if (xs != null || !note.equals(NOBODY)) {
            xs = null;
            note = NOBODY;
            canvas.redraw();
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        Rectangle clip = gc.getClipping();
        if (background == null || clip.width >= area.width) {
            readColors(); // a full repaint, as after a theme change
        }
        drawnNote = note;
        gc.setBackground(background);
        if (xs == null) {
            gc.fillRectangle(area);
            gc.setForeground(foreground);
            gc.drawText(note, 8, 8, true);
            return;
        }
        double spanX = Math.max(1e-6, maxX - minX);
        double spanY = Math.max(1e-6, maxY - minY);
        scale = Math.min((area.width - 2 * MARGIN) / spanX, (area.height - 2 * MARGIN - TITLE) / spanY);
        if (scale <= 0) {
            gc.fillRectangle(area);
            return;
        }
        offX = MARGIN + (area.width - 2 * MARGIN - spanX * scale) / 2;
        offY = MARGIN + TITLE + (area.height - 2 * MARGIN - TITLE - spanY * scale) / 2;
        if (outlineOf != xs || !area.equals(outlineArea)) {
            outline(area);
        }
        gc.fillRectangle(clip);
        gc.setForeground(foreground);
        gc.setAntialias(SWT.ON);
        gc.setLineWidth(3);
        drawOutline(gc, clip);
        gc.setForeground(lineColour);
        gc.drawLine(points[0] - 5, points[1] - 5, points[0] + 5, points[1] + 5);
        gc.setLineWidth(1);
        gc.setForeground(foreground);
        if (clip.y < TITLE + 4) {
            gc.drawText("Track map (" + note + ")", 8, 4, true);
        }
        drawnX = carX;
        drawnY = carY;
        if (carX == carX && carY == carY) {
            gc.setBackground(carColour);
            gc.fillOval(px(carX) - 6, py(carY) - 6, 12, 12);
        }
    }

    private void readColors() {
        background = canvas.getBackground();
        foreground = canvas.getForeground();
        lineColour = LiveColors.LINE.on(background);
        carColour = LiveColors.CURRENT.on(background);
    }

    /** The outline's segments that reach into the clip (Cairo strokes a whole path even where it is clipped). */
    private void drawOutline(GC gc, Rectangle clip) {
        if (clip.width >= outlineArea.width / 2) {
            gc.drawPolyline(points);
            return;
        }
        Rectangle near = new Rectangle(clip.x - 4, clip.y - 4, clip.width + 8, clip.height + 8);
        int start = -1;
        int segments = points.length / 2 - 1;
        for (int k = 0; k <= segments; k++) {
            boolean in = k < segments && near.intersects(Math.min(points[2 * k], points[2 * k + 2]),
                    Math.min(points[2 * k + 1], points[2 * k + 3]), Math.abs(points[2 * k + 2] - points[2 * k]) + 1,
                    Math.abs(points[2 * k + 3] - points[2 * k + 1]) + 1);
            if (in && start < 0) {
                start = k;
            } else if (!in && start >= 0) {
                gc.drawPolyline(Arrays.copyOfRange(points, 2 * start, 2 * k + 2));
                start = -1;
            }
        }
    }

    private int px(double x) {
        return (int) Math.round(offX + (x - minX) * scale);
    }

    private int py(double y) {
        return (int) Math.round(offY + (maxY - y) * scale);
    }

    /** The outline's points on this canvas, worked out again for a new outline or size. */
    private void outline(Rectangle area) {
        outlineOf = xs;
        outlineArea = area;
        points = new int[xs.length * 2 + 2];
        for (int k = 0; k < xs.length; k++) {
            points[2 * k] = px(xs[k]);
            points[2 * k + 1] = py(ys[k]);
        }
        points[points.length - 2] = points[0];
        points[points.length - 1] = points[1];
    }
}
