package org.pitbox.ui.overlay;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.live.RelativeBox;
import org.pitbox.core.live.Trace;

/**
 * Paints the overlay's widgets from an {@link OverlayModel}: large, high-contrast figures for a glance at speed.
 * What does not move (panels, captions, outlines) is drawn once into a background image and redone only when
 * the layout or the units change; a frame draws only the figures, traces and lights.
 */
final class OverlayPainter {
    private static final double DELTA_RANGE = 2.0;
    private static final String[] POSITIONS = new String[OverlayModel.MAX_CARS + 1];
    private static final String[] CARS = new String[OverlayModel.MAX_CARS];

    static {
        for (int i = 0; i < POSITIONS.length; i++) {
            POSITIONS[i] = i == 0 ? "" : "P" + i;
        }
        for (int i = 0; i < CARS.length; i++) {
            CARS[i] = "car " + i;
        }
    }

    private final Display display;
    private final Color back;
    private final Color panel;
    private final Color text;
    private final Color dim;
    private final Color green;
    private final Color yellow;
    private final Color red;
    private final Color blue;
    private final Font huge;
    private final Font big;
    private final Font small;
    private final Ink hugeText;
    private final Ink bigText;
    private final Ink bigGreen;
    private final Ink bigRed;
    private final Ink smallText;
    private final Ink smallYellow;
    private final Ink smallDim;
    private final int[] points = new int[OverlayModel.TRACE * 2];
    private String speedUnit = "km/h";
    private String fuelUnit = "L";
    private Image background;
    private int backgroundVersion = -1;

    OverlayPainter(Display display) {
        this.display = display;
        back = new Color(12, 12, 14);
        panel = new Color(32, 34, 40);
        text = new Color(240, 240, 240);
        dim = new Color(150, 155, 165);
        green = new Color(40, 210, 90);
        yellow = new Color(250, 200, 30);
        red = new Color(235, 50, 50);
        blue = new Color(70, 140, 255);
        String face = display.getSystemFont().getFontData()[0].getName();
        huge = new Font(display, new FontData(face, 44, SWT.BOLD));
        big = new Font(display, new FontData(face, 16, SWT.BOLD));
        small = new Font(display, new FontData(face, 9, SWT.NORMAL));
        hugeText = new Ink(huge, text);
        bigText = new Ink(big, text);
        bigGreen = new Ink(big, green);
        bigRed = new Ink(big, red);
        smallText = new Ink(small, text);
        smallYellow = new Ink(small, yellow);
        smallDim = new Ink(small, dim);
    }

    void setUnits(String speed, String fuel) {
        speedUnit = speed;
        fuelUnit = fuel;
        backgroundVersion = -1;
    }

    void paint(GC gc, OverlayModel model, OverlayLayout layout, Rectangle area) {
        gc.drawImage(background(layout, area), 0, 0);
        for (OverlayWidget w : OverlayWidget.values()) {
            if (layout.shown(w)) {
                figures(gc, w, layout.bounds(w), model);
            }
        }
    }

    /** Panels, captions and (unlocked) outlines, redrawn only when the layout, units or size change. */
    private Image background(OverlayLayout layout, Rectangle area) {
        if (background != null && backgroundVersion == layout.version()
                && background.getBounds().width == area.width && background.getBounds().height == area.height) {
            return background;
        }
        if (background != null) {
            background.dispose();
        }
        background = new Image(display, Math.max(1, area.width), Math.max(1, area.height));
        backgroundVersion = layout.version();
        GC gc = new GC(background);
        try {
            gc.setBackground(back);
            gc.fillRectangle(0, 0, area.width, area.height);
            for (OverlayWidget w : OverlayWidget.values()) {
                if (layout.shown(w)) {
                    panel(gc, w, layout.bounds(w), !layout.locked());
                }
            }
        } finally {
            gc.dispose();
        }
        return background;
    }

    private void panel(GC gc, OverlayWidget w, Rectangle r, boolean unlocked) {
        gc.setBackground(panel);
        gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
        gc.setFont(small);
        gc.setForeground(dim);
        switch (w) {
            case DELTA -> gc.drawLine(r.x + r.width / 2, r.y + 4, r.x + r.width / 2, r.y + 28);
            case LAPS -> {
                int column = r.width / 3;
                caption(gc, "Lap", r.x + 10, r.y + 6);
                caption(gc, "Last", r.x + 10 + column, r.y + 6);
                caption(gc, "Best", r.x + 10 + 2 * column, r.y + 6);
            }
            case ENGINE -> {
                int size = (r.width - 20) / OverlayModel.LIGHTS;
                caption(gc, speedUnit, r.x + 100, r.y + 4 + size);
                caption(gc, "rpm", r.x + 100, r.y + 54 + size);
            }
            case FUEL -> {
                int column = r.width / 2;
                caption(gc, "Fuel " + fuelUnit, r.x + 10, r.y + 4);
                caption(gc, "Laps left", r.x + column, r.y + 4);
                caption(gc, "Last lap", r.x + 10, r.y + 44);
                caption(gc, "Average", r.x + column, r.y + 44);
                caption(gc, "To finish", r.x + 10, r.y + 84);
            }
            case RADIO -> caption(gc, "Radio", r.x + 10, r.y + 6);
            default -> { }
        }
        if (unlocked) {
            gc.setForeground(yellow);
            gc.setLineStyle(SWT.LINE_DASH);
            gc.drawRoundRectangle(r.x, r.y, r.width - 1, r.height - 1, 10, 10);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
    }

    private static void caption(GC gc, String s, int x, int y) {
        gc.drawText(s, x, y, true);
    }

    private void figures(GC gc, OverlayWidget w, Rectangle r, OverlayModel m) {
        switch (w) {
            case DELTA -> delta(gc, r, m);
            case LAPS -> {
                int column = r.width / 3;
                bigText.draw(gc, m.lapTimeText(), r.x + 10, r.y + 18);
                bigText.draw(gc, m.lastLapText(), r.x + 10 + column, r.y + 18);
                bigText.draw(gc, m.bestLapText(), r.x + 10 + 2 * column, r.y + 18);
            }
            case ENGINE -> engine(gc, r, m);
            case FUEL -> {
                int column = r.width / 2;
                bigText.draw(gc, m.fuelText(), r.x + 10, r.y + 16);
                bigText.draw(gc, m.lapsOfFuelText(), r.x + column, r.y + 16);
                bigText.draw(gc, m.lastLapFuelText(), r.x + 10, r.y + 56);
                bigText.draw(gc, m.averageLapFuelText(), r.x + column, r.y + 56);
                bigText.draw(gc, m.fuelToFinishText(), r.x + 10, r.y + 96);
            }
            case INPUTS -> inputs(gc, r, m);
            case RELATIVE -> relative(gc, r, m.relative());
            case RADIO -> {
                gc.setClipping(r.x + 6, r.y, r.width - 12, r.height);
                bigText.draw(gc, m.message().isEmpty() ? "--" : m.message(), r.x + 10, r.y + 24);
                gc.setClipping((Rectangle) null);
            }
        }
    }

    private void delta(GC gc, Rectangle r, OverlayModel m) {
        double d = m.delta();
        int mid = r.x + r.width / 2;
        int half = r.width / 2 - 10;
        if (!Double.isNaN(d)) {
            int bar = (int) (Math.max(-1, Math.min(1, d / DELTA_RANGE)) * half);
            gc.setBackground(d > 0 ? red : green);
            gc.fillRectangle(bar < 0 ? mid + bar : mid, r.y + 8, Math.abs(bar), 16);
        }
        Ink font = Double.isNaN(d) ? bigText : d > 0 ? bigRed : bigGreen;
        String s = m.deltaText();
        font.draw(gc, s, mid - font.width(gc, s) / 2, r.y + 28);
    }

    private void engine(GC gc, Rectangle r, OverlayModel m) {
        int lights = m.shiftLights();
        boolean flash = m.shiftBlink() && (m.frames() / 6) % 2 == 0;
        int size = (r.width - 20) / OverlayModel.LIGHTS;
        for (int i = 0; i < OverlayModel.LIGHTS; i++) {
            gc.setBackground(flash ? blue : i >= lights ? back : i < 3 ? green : i < 6 ? yellow : red);
            gc.fillOval(r.x + 10 + i * size + 2, r.y + 8, size - 4, size - 4);
        }
        hugeText.draw(gc, m.gearText(), r.x + 14, r.y + 8 + size);
        bigText.draw(gc, m.speedText(), r.x + 100, r.y + 16 + size);
        bigText.draw(gc, m.rpmText(), r.x + 100, r.y + 66 + size);
    }

    private void inputs(GC gc, Rectangle r, OverlayModel m) {
        int w = r.width - 40;
        int h = r.height - 16;
        int top = r.y + 8;
        gc.setLineWidth(2);
        trace(gc, m.throttleTrace(), r.x + 8, top, w, h, 0, 1, green);
        trace(gc, m.brakeTrace(), r.x + 8, top, w, h, 0, 1, red);
        trace(gc, m.steeringTrace(), r.x + 8, top, w, h, -Math.PI, Math.PI, text);
        gc.setLineWidth(1);
        bar(gc, m.throttleTrace(), r.x + w + 14, top, h, green);
        bar(gc, m.brakeTrace(), r.x + w + 26, top, h, red);
    }

    /** The trace scaled so {@code low..high} fills the height; the newest sample at the right. */
    private void trace(GC gc, Trace t, int x, int y, int w, int h, double low, double high, Color c) {
        int n = t.size();
        if (n < 2) {
            return;
        }
        for (int i = 0; i < n; i++) {
            double v = Math.max(low, Math.min(high, t.get(i)));
            points[2 * i] = x + (t.capacity() - n + i) * w / (t.capacity() - 1);
            points[2 * i + 1] = y + h - (int) ((v - low) / (high - low) * h);
        }
        for (int i = 2 * n; i < points.length; i++) {
            points[i] = points[2 * n - 2 + (i & 1)];
        }
        gc.setForeground(c);
        gc.drawPolyline(points);
    }

    private void bar(GC gc, Trace t, int x, int y, int h, Color c) {
        float v = t.size() == 0 ? 0 : Math.max(0, Math.min(1, t.get(t.size() - 1)));
        gc.setBackground(back);
        gc.fillRectangle(x, y, 8, h);
        gc.setBackground(c);
        int filled = (int) (v * h);
        gc.fillRectangle(x, y + h - filled, 8, filled);
    }

    private void relative(GC gc, Rectangle r, RelativeBox box) {
        if (box.rows() == 0) {
            smallDim.draw(gc, "No other cars in this feed", r.x + 10, r.y + 10);
            return;
        }
        int line = (r.height - 12) / RelativeBox.ROWS;
        for (int i = 0; i < box.rows(); i++) {
            int y = r.y + 6 + i * line;
            Ink font = i == box.playerRow() ? smallYellow : smallText;
            font.draw(gc, POSITIONS[Math.min(box.position(i), OverlayModel.MAX_CARS)], r.x + 10, y);
            font.draw(gc, CARS[box.car(i)], r.x + 50, y);
            if (i != box.playerRow()) {
                font.draw(gc, box.gapText(i), r.x + r.width - 60, y);
            }
        }
    }

    void dispose() {
        for (Color c : new Color[] {back, panel, text, dim, green, yellow, red, blue}) {
            c.dispose();
        }
        huge.dispose();
        big.dispose();
        small.dispose();
        if (background != null) {
            background.dispose();
        }
    }
}
