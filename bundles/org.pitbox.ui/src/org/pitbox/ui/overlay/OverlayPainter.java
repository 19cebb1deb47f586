package org.pitbox.ui.overlay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.pitbox.app.pit.PitBox;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.live.LinkLevel;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.live.RelativeBox;

/**
 * Paints the overlay's widgets from an {@link OverlayModel}: large, high-contrast figures for a glance at speed.
 * A full paint draws the panels, captions and outlines. After it, each frame redraws only the {@link Cell}s whose
 * shown content changed: a figure whose text changed, the traces, a row of the relative box. Figures are drawn
 * from ready characters ({@link Digits}) and other texts are cached layouts ({@link Label}), so a frame neither
 * lays out text nor allocates.
 */
final class OverlayPainter {
    private static final double DELTA_RANGE = 2.0;
    /** A full paint every 600 frames heals anything exposed while a frame redraw was pending (X11, no compositor). */
    private static final int FULL_EVERY = 600;
    /** Figures redrawn in one frame at most; the others wait a frame or two, taken in turn. */
    private static final int FIGURES_PER_FRAME = 3;
    private static final String[] POSITIONS = new String[OverlayModel.MAX_CARS + 1];
    private static final String[] CARS = new String[OverlayModel.MAX_CARS];
    private static final String[] LAP_CAPTIONS = {"Lap", "Last", "Best"};
    /** The fuel widget's captions; the first (the unit) and the fourth (the laps averaged) change. */
    private static final String[] FUEL_CAPTIONS = {"", FuelText.LAPS_OF_FUEL, "Last lap", "", "To the flag",
        "To add +" + FuelText.margin(FuelFigures.MARGIN)};
    private static final OverlayWidget[] WIDGETS = OverlayWidget.values();
    private static final Cell[] CELLS = Cell.ALL;
    private static final int INPUTS = Cell.indexOf(Cell.Kind.INPUTS);

    static {
        for (int i = 0; i < POSITIONS.length; i++) {
            POSITIONS[i] = i == 0 ? "" : "P" + i;
        }
        for (int i = 0; i < CARS.length; i++) {
            CARS[i] = "car " + i;
        }
    }

    private final Palette p;
    private final PitPainter pitPainter;
    private final InputsPainter inputs;
    private final Digits huge;
    private final Digits big;
    private final Digits small;
    private final List<Label> labels = new ArrayList<>();
    private final Label[] lapCaptions = new Label[3];
    private final Label speedCaption;
    private final Label rpmCaption;
    private final Label[] fuelCaptions = new Label[FUEL_CAPTIONS.length];
    private final Label[][] rows = new Label[RelativeBox.ROWS][2];
    private final Label link;
    private final Label bigMessage;
    private final Label smallMessage;

    private final boolean[] pending = new boolean[CELLS.length];
    /** The figure each cell shows, by cell; the model hands the same instance while a figure stays the same. */
    private final String[] shown = new String[CELLS.length];
    private final Rectangle pendingBox = new Rectangle(0, 0, 0, 0);
    private final Rectangle area = new Rectangle(0, 0, 0, 0);
    private String speedUnit = "km/h";
    private String fuelCaption = "Fuel L";
    private String averageCaption;
    private boolean full = true;
    private int paintedVersion = -1;
    private int frames;
    private int next;

    private int shownDelta = Integer.MIN_VALUE;
    private int shownLights = Integer.MIN_VALUE;
    private long shownFrames = -1;
    private final int[] shownRows = new int[RelativeBox.ROWS];
    private LinkLevel shownLevel;
    private String shownMessage;
    private String shownCoach;

    OverlayPainter(Display display) {
        p = new Palette(display);
        pitPainter = new PitPainter(display, p);
        inputs = new InputsPainter(p);
        huge = new Digits(display, p.huge);
        big = new Digits(display, p.big);
        small = new Digits(display, p.small);
        speedCaption = label(display, p.small, -1);
        rpmCaption = label(display, p.small, -1);
        for (int i = 0; i < lapCaptions.length; i++) {
            lapCaptions[i] = label(display, p.small, -1);
        }
        for (int i = 0; i < fuelCaptions.length; i++) {
            fuelCaptions[i] = label(display, p.small, -1);
        }
        for (Label[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = label(display, p.small, -1);
            }
        }
        Arrays.fill(shownRows, Integer.MIN_VALUE);
        int radioWidth = OverlayWidget.RADIO.width - 20;
        link = label(display, p.small, radioWidth - 14);
        bigMessage = label(display, p.big, radioWidth);
        smallMessage = label(display, p.small, radioWidth);
    }

    private Label label(Display display, Font font, int wrap) {
        Label l = new Label(display, font, wrap);
        labels.add(l);
        return l;
    }

    void setUnits(String speedUnitText, String fuelUnit) {
        speedUnit = speedUnitText;
        fuelCaption = "Fuel " + fuelUnit;
        full = true;
    }

    /**
     * One display frame: asks the canvas to redraw just the cells whose shown content changed, or all of it after
     * a layout change. Each frame's work is kept small: the traces take even frames and the figures odd ones, each
     * at 30 Hz (the traces then move by one drawn step each time), and at most {@link #FIGURES_PER_FRAME} figures
     * go in one frame. Allocates nothing.
     */
    void refresh(Canvas canvas, OverlayModel m, OverlayLayout layout, PitBox pit) {
        if (full || layout.version() != paintedVersion || ++frames % FULL_EVERY == 0
                || m.averageCaption() != averageCaption) {
            full = true;
            canvas.redraw();
            return;
        }
        if (frames % 2 == 0) {
            request(canvas, INPUTS, m, layout, pit);
            return;
        }
        int figures = 0;
        for (int k = 0; k < CELLS.length && figures < FIGURES_PER_FRAME; k++) {
            int i = (next + k) % CELLS.length;
            if (i != INPUTS && request(canvas, i, m, layout, pit)) {
                figures++;
                next = i + 1;
            }
        }
    }

    /** Asks for cell {@code i} to be redrawn when it changed; true when it did. */
    private boolean request(Canvas canvas, int i, OverlayModel m, OverlayLayout layout, PitBox pit) {
        Cell c = CELLS[i];
        Rectangle r = layout.bounds(c.widget());
        if (pending[i] || !layout.shown(c.widget()) || !changed(i, r, m, pit)) {
            return false;
        }
        pending[i] = true;
        Rectangle a = area(c, r);
        canvas.redraw(a.x, a.y, a.width, a.height, false);
        grow(a);
        return true;
    }

    /**
     * Paints the area the window asked for: the pending cells when it asked for no more, else everything in the
     * area (a full repaint, or a part of the window the system exposed).
     */
    void paint(GC gc, int x, int y, int width, int height, OverlayModel m, OverlayLayout layout, PitBox pit) {
        Rectangle b = pendingBox;
        boolean cellsOnly = !full && b.width > 0 && x >= b.x && y >= b.y && x + width <= b.x + b.width
                && y + height <= b.y + b.height;
        if (cellsOnly) {
            for (int i = 0; i < CELLS.length; i++) {
                Cell c = CELLS[i];
                if (pending[i] && layout.shown(c.widget())) {
                    paintCell(gc, i, layout.bounds(c.widget()), m, pit);
                }
            }
        } else {
            paintAll(gc, x, y, width, height, m, layout, pit);
        }
        Arrays.fill(pending, false);
        b.width = 0;
        full = false;
        paintedVersion = layout.version();
    }

    /** Background, panels, outlines, captions and every cell of the widgets in the area. */
    void paintAll(GC gc, int x, int y, int width, int height, OverlayModel m, OverlayLayout layout, PitBox pit) {
        gc.setBackground(p.back);
        gc.fillRectangle(x, y, width, height);
        averageCaption = m.averageCaption();
        for (OverlayWidget w : WIDGETS) {
            Rectangle r = layout.bounds(w);
            if (layout.shown(w) && r.intersects(x, y, width, height)) {
                panel(gc, w, r, !layout.locked());
                for (int i = 0; i < CELLS.length; i++) {
                    if (CELLS[i].widget() == w) {
                        paintCell(gc, i, r, m, pit);
                    }
                }
            }
        }
    }

    private void grow(Rectangle a) {
        Rectangle b = pendingBox;
        if (b.width == 0) {
            b.x = a.x;
            b.y = a.y;
            b.width = a.width;
            b.height = a.height;
            return;
        }
        int right = Math.max(b.x + b.width, a.x + a.width);
        int bottom = Math.max(b.y + b.height, a.y + a.height);
        b.x = Math.min(b.x, a.x);
        b.y = Math.min(b.y, a.y);
        b.width = right - b.x;
        b.height = bottom - b.y;
    }

    /** Where a cell of the widget at {@code r} sits in the window; in a reused rectangle. */
    private Rectangle area(Cell c, Rectangle r) {
        area.x = r.x + c.x();
        area.y = r.y + c.y();
        area.width = c.width();
        area.height = c.height();
        return area;
    }

    /** Whether cell {@code n} would look different if painted now. */
    private boolean changed(int n, Rectangle r, OverlayModel m, PitBox pit) {
        Cell c = CELLS[n];
        return switch (c.kind()) {
            case DELTA -> m.deltaText() != shown[n] || deltaKey(m, r) != shownDelta;
            case LAP, GEAR, SPEED, RPM, FUEL -> figure(c, m) != shown[n];
            case LIGHTS -> lightsKey(m) != shownLights;
            case INPUTS -> m.frames() != shownFrames;
            case ROW -> rowChanged(m.relative(), c.index(), n);
            case RADIO -> link.differs(m.linkText()) || m.linkLevel() != shownLevel || m.message() != shownMessage
                    || m.coachLine(System.currentTimeMillis()) != shownCoach;
            case PIT -> pitPainter.changed(m, pit);
        };
    }

    /** The text a figure cell shows. */
    private static String figure(Cell c, OverlayModel m) {
        int i = c.index();
        return switch (c.kind()) {
            case LAP -> i == 0 ? m.lapTimeText() : i == 1 ? m.lastLapText() : m.bestLapText();
            case GEAR -> m.gearText();
            case SPEED -> m.speedText();
            case RPM -> m.rpmText();
            default -> switch (i) {
                case 0 -> m.fuelText();
                case 1 -> m.lapsOfFuelText();
                case 2 -> m.lastLapFuelText();
                case 3 -> m.averageLapFuelText();
                case 4 -> m.fuelToFlagText();
                default -> m.fuelToAddText();
            };
        };
    }

    /** The rounded panel, its outline while unlocked, and the captions that never change between full paints. */
    private void panel(GC gc, OverlayWidget w, Rectangle r, boolean unlocked) {
        gc.setBackground(p.panel);
        gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
        if (unlocked) {
            gc.setForeground(p.yellow);
            gc.setLineStyle(SWT.LINE_DASH);
            gc.drawRoundRectangle(r.x, r.y, r.width - 1, r.height - 1, 10, 10);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        switch (w) {
            case LAPS -> {
                for (int i = 0; i < 3; i++) {
                    lapCaptions[i].draw(gc, LAP_CAPTIONS[i], p.dim, r.x + 10 + 124 * i, r.y + 6);
                }
            }
            case ENGINE -> {
                speedCaption.draw(gc, speedUnit, p.dim, r.x + 100, r.y + 34);
                rpmCaption.draw(gc, "rpm", p.dim, r.x + 100, r.y + 80);
            }
            case FUEL -> {
                for (int i = 0; i < fuelCaptions.length; i++) {
                    String caption = i == 0 ? fuelCaption : i == 3 ? averageCaption : FUEL_CAPTIONS[i];
                    fuelCaptions[i].draw(gc, caption, p.dim,
                            r.x + (i % 2 == 0 ? 10 : 110), r.y + 4 + 40 * (i / 2));
                }
            }
            default -> { }
        }
    }

    private void paintCell(GC gc, int n, Rectangle r, OverlayModel m, PitBox pit) {
        Cell c = CELLS[n];
        Rectangle a = area(c, r);
        gc.setBackground(p.panel);
        gc.fillRectangle(a.x, a.y, a.width, a.height);
        switch (c.kind()) {
            case DELTA -> shown[n] = delta(gc, r, m);
            case LAP, SPEED, RPM, FUEL -> {
                shown[n] = figure(c, m);
                big.draw(gc, shown[n], p.text, a.x + 4, a.y);
            }
            case GEAR -> {
                shown[n] = m.gearText();
                huge.draw(gc, shown[n], p.text, r.x + 14, r.y + 36);
            }
            case LIGHTS -> lights(gc, r, m);
            case INPUTS -> {
                inputs.paint(gc, r, m);
                shownFrames = m.frames();
            }
            case ROW -> row(gc, a, m.relative(), c.index(), n);
            case RADIO -> radio(gc, r, m);
            case PIT -> pitPainter.paint(gc, r, m, pit);
        }
    }

    /** The bar's length in pixels and its colour, MIN_VALUE without a best lap. */
    private static int deltaKey(OverlayModel m, Rectangle r) {
        double d = m.delta();
        if (Double.isNaN(d)) {
            return Integer.MIN_VALUE;
        }
        int bar = (int) (Math.max(-1, Math.min(1, d / DELTA_RANGE)) * (r.width / 2 - 10));
        return 2 * bar + (d > 0 ? 1 : 0);
    }

    /** The bar and the figure; returns the figure drawn. */
    private String delta(GC gc, Rectangle r, OverlayModel m) {
        int key = deltaKey(m, r);
        int mid = r.x + r.width / 2;
        gc.setBackground(p.dim);
        gc.fillRectangle(mid, r.y + 4, 1, 25);
        if (key != Integer.MIN_VALUE) {
            int bar = key >> 1;
            gc.setBackground((key & 1) == 1 ? p.red : p.green);
            gc.fillRectangle(bar < 0 ? mid + bar : mid, r.y + 8, Math.abs(bar), 16);
        }
        Color c = key == Integer.MIN_VALUE ? p.text : (key & 1) == 1 ? p.red : p.green;
        String s = m.deltaText();
        big.center(gc, s, c, r.x, r.y + 28, r.width);
        shownDelta = key;
        return s;
    }

    /** Lights lit, or -1 while they flash their shift-now colour. */
    private static int lightsKey(OverlayModel m) {
        return m.shiftBlink() && (m.frames() / 6) % 2 == 0 ? -1 : m.shiftLights();
    }

    private void lights(GC gc, Rectangle r, OverlayModel m) {
        int lit = lightsKey(m);
        int size = (r.width - 20) / OverlayModel.LIGHTS;
        int d = size - 4;
        for (int i = 0; i < OverlayModel.LIGHTS; i++) {
            gc.setBackground(lit < 0 ? p.blue : i >= lit ? p.back : i < 3 ? p.green : i < 6 ? p.yellow : p.red);
            Palette.roundBox(gc, r.x + 12 + i * size, r.y + 6, d, d);
        }
        shownLights = lit;
    }

    /** What a row shows: -1 nothing, 0 the no-cars note (row 0 only), 1 a car, 2 the player. */
    private static int rowKey(RelativeBox box, int i) {
        if (i < box.rows()) {
            return i == box.playerRow() ? 2 : 1;
        }
        return i == 0 && box.rows() == 0 ? 0 : -1;
    }

    private boolean rowChanged(RelativeBox box, int i, int n) {
        int key = rowKey(box, i);
        if (key != shownRows[i]) {
            return true;
        }
        Label[] row = rows[i];
        return key > 0 && (row[0].differs(position(box, i)) || row[1].differs(CARS[box.car(i)])
                || key == 1 && box.gapText(i) != shown[n]);
    }

    private static String position(RelativeBox box, int row) {
        return POSITIONS[Math.min(box.position(row), OverlayModel.MAX_CARS)];
    }

    private void row(GC gc, Rectangle a, RelativeBox box, int i, int n) {
        int key = rowKey(box, i);
        shownRows[i] = key;
        if (key == 0) {
            rows[0][0].draw(gc, "No other cars in this feed", p.dim, a.x + 4, a.y + 4);
        } else if (key > 0) {
            Color c = key == 2 ? p.yellow : p.text;
            rows[i][0].draw(gc, position(box, i), c, a.x + 4, a.y);
            rows[i][1].draw(gc, CARS[box.car(i)], c, a.x + 44, a.y);
            if (key == 1) {
                shown[n] = box.gapText(i);
                small.draw(gc, shown[n], c, a.x + a.width - 54, a.y);
            }
        }
    }

    /**
     * The team link (a dot in its level's colour, then its text) above the latest radio message; while the coach
     * has a fresh hint, the hint instead, in yellow, as large as fits.
     */
    private void radio(GC gc, Rectangle r, OverlayModel m) {
        LinkLevel level = m.linkLevel();
        Color c = switch (level) {
            case OK -> p.green;
            case WARNING -> p.yellow;
            case BAD -> p.red;
            case IDLE -> p.dim;
        };
        gc.setBackground(c);
        gc.fillOval(r.x + 10, r.y + 10, 9, 9);
        link.draw(gc, m.linkText(), level == LinkLevel.IDLE ? p.dim : c, r.x + 24, r.y + 6);
        int y = r.y + 10 + link.height(m.linkText());
        String coach = m.coachLine(System.currentTimeMillis());
        String message = !coach.isEmpty() ? coach : m.message().isEmpty() ? "--" : m.message();
        Label l = bigMessage.height(message) <= r.y + r.height - Cell.INSET - y ? bigMessage : smallMessage;
        l.draw(gc, message, coach.isEmpty() ? p.text : p.yellow, r.x + 10, y);
        shownLevel = level;
        shownMessage = m.message();
        shownCoach = coach;
    }

    void dispose() {
        labels.forEach(Label::dispose);
        huge.dispose();
        big.dispose();
        small.dispose();
        pitPainter.dispose();
        p.dispose();
    }
}
