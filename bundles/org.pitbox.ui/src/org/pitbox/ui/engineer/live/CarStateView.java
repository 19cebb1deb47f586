package org.pitbox.ui.engineer.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.core.engineer.CarState;
import org.pitbox.core.engineer.LapTable;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.strategy.Consumption;
import org.pitbox.ui.widgets.ColorMix;
import org.pitbox.ui.widgets.TextFit;

/**
 * The watched car in figures: the lap in progress, fuel and its plan, tyres, flags and damage; a caption and a
 * value a row. Drawn on one canvas rather than with a label per value: a label whose text changes makes GTK
 * measure and lay out the window again, three times a second. A new value repaints its own row only; one too long
 * for the width is shortened, and the row's tooltip explains it.
 */
final class CarStateView {
    private static final int GAP = 10;
    private static final int SPACING = 2;

    /** One row: its caption, what it means, and the value shown. */
    private static final class Row {
        final String caption;
        final String tooltip;
        String value = "--";

        Row(String caption, String tooltip) {
            this.caption = caption;
            this.tooltip = tooltip;
        }
    }

    private final Canvas canvas;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Row> byCaption = new LinkedHashMap<>();
    /** Measured on the last full repaint: the height of a row and where the values start. */
    private int rowHeight;
    private int valueX;
    private Color background;
    private Color valueColour;
    private Color captionColour;

    CarStateView(Composite parent, IStylingEngine styling) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        styling.setClassname(canvas, "readout-value");
        row("Lap", "The lap in progress and the time into it");
        row("Delta", "Behind (+) or ahead (-) of the session's best lap at this point");
        row("Best / ideal", "Best lap, and the sum of the best sectors");
        row("Fuel", "Litres on board of the tank's size");
        row(PER_LAP, "Litres per clean lap: the average of the last 5 (or fewer while there are fewer) and"
                + " the last (the Strategy part has them all)");
        row(FuelText.LAPS_OF_FUEL, "Laps and time the fuel on board lasts at the average, no margin");
        row(FuelText.TO_FLAG, "Litres needed to finish from here at the average, no margin; the laps to go");
        row(FuelText.TO_ADD, "Fuel to the flag plus the " + FuelText.margin(FuelFigures.MARGIN)
                + " margin, less the fuel on board");
        row(FuelText.PIT_WINDOW, "The laps to stop after for fuel, with the margin");
        row("Tyres °C", "Surface temperatures, middle of each tyre: LF RF / LR RR");
        row("Pressures", "Hot pressures in kPa: LF RF / LR RR");
        row("Flags", "Session flags shown now");
        row("Car", "Engine warnings, incidents, repairs left, pit road");
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseMove, e -> hover(e.y));
        GridData size = new GridData(SWT.FILL, SWT.TOP, true, false);
        size.heightHint = measure();
        canvas.setLayoutData(size);
    }

    private void row(String caption, String tooltip) {
        Row r = new Row(caption, tooltip);
        rows.add(r);
        byCaption.put(caption, r);
    }

    Canvas control() {
        return canvas;
    }

    static final String PER_LAP = "Per lap";

    /** The texts as they stand; call while the models are held still. */
    static Map<String, String> texts(LiveBoard.Models m) {
        LapTable laps = m.laps();
        CarState car = m.car();
        Map<String, String> t = new LinkedHashMap<>();
        t.put("Lap", laps.currentLap() + "  " + LiveLapTable.lapTime(laps.currentLapTime()));
        double delta = laps.currentDelta();
        t.put("Delta", delta == delta ? String.format(Locale.ROOT, "%+.2f s", delta) : "-- (no best lap yet)");
        t.put("Best / ideal", (laps.best() == null ? "--" : LiveLapTable.lapTime(laps.best().lapTime())) + " / "
                + LiveLapTable.lapTime(laps.idealLapTime()));
        t.put("Fuel", FuelText.litres(car.fuel()) + " of " + FuelText.litres(car.tankSize()));
        Consumption c = car.consumption();
        int held = c.held(FuelFigures.AVERAGE_LAPS);
        t.put(PER_LAP, held == 0 ? "-- (after a clean lap)"
                : FuelText.average(c.average5(), held) + ", last " + FuelText.perLap(c.last()));
        FuelFigures fuel = car.fuelFigures(c.average5(), FuelFigures.MARGIN);
        t.put(FuelText.LAPS_OF_FUEL, Double.isNaN(fuel.lapsOfFuel()) ? FuelText.UNKNOWN
                : FuelText.laps(fuel.lapsOfFuel()) + ", " + FuelText.clock(fuel.secondsOfFuel()));
        t.put(FuelText.TO_FLAG, held > 0 && Double.isNaN(fuel.lapsToGo()) ? "-- (no end to the session)"
                : Double.isNaN(fuel.fuelToFlag()) ? FuelText.UNKNOWN
                : FuelText.litres(fuel.fuelToFlag()) + " (" + FuelText.laps(fuel.lapsToGo()) + " to go)");
        t.put(FuelText.TO_ADD, FuelText.toAdd(fuel));
        t.put(FuelText.PIT_WINDOW, FuelText.window(fuel.pitWindow()));
        t.put("Tyres °C", car.hasSurfaceTemps() ? corners(car, true) : "not in this feed");
        t.put("Pressures", car.hasPressures() ? corners(car, false) : "not in this feed");
        t.put("Flags", !car.hasFlags() ? "not in this feed" : car.flags().isEmpty() ? "none"
                : car.flags().stream().map(f -> f.label()).collect(Collectors.joining(", ")));
        String warnings = car.warnings().isEmpty() ? "no warnings"
                : car.warnings().stream().map(w -> w.label()).collect(Collectors.joining(", "));
        t.put("Car", warnings + (car.incidents() >= 0 ? ", " + car.incidents() + "x incidents" : "")
                + (car.repairLeft() > 0 ? String.format(Locale.ROOT, ", repairs %.0f s", car.repairLeft()) : "")
                + (car.onPitRoad() ? ", on pit road" : ""));
        return t;
    }

    private static String corners(CarState car, boolean temps) {
        StringBuilder b = new StringBuilder();
        for (CarState.Tyre tyre : CarState.Tyre.values()) {
            double v = temps ? car.surfaceTemp(tyre, 1) : car.pressure(tyre);
            b.append(v == v ? String.format(Locale.ROOT, "%.0f", v) : "--");
            b.append(tyre == CarState.Tyre.RF ? " / " : " ");
        }
        return b.toString().strip();
    }

    String text(String caption) {
        return byCaption.get(caption).value;
    }

    /** Where the row of {@code caption} is drawn, on the canvas. */
    Rectangle rowBounds(String caption) {
        int i = rows.indexOf(byCaption.get(caption));
        return new Rectangle(0, i * rowHeight, canvas.getClientArea().width, rowHeight);
    }

    /** Shows the texts, repainting the rows whose value changed; on the UI thread. */
    void show(Map<String, String> texts) {
        int width = canvas.getClientArea().width;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String text = texts.getOrDefault(r.caption, "--");
            if (!text.equals(r.value)) {
                r.value = text;
                canvas.redraw(valueX, i * rowHeight, width - valueX, rowHeight, false);
            }
        }
    }

    /** The rows' height and the captions' width in the canvas's font; gives the height of all rows. */
    private int measure() {
        GC gc = new GC(canvas);
        try {
            rowHeight = gc.getFontMetrics().getHeight() + SPACING;
            valueX = 0;
            for (Row r : rows) {
                valueX = Math.max(valueX, gc.textExtent(r.caption).x + GAP);
            }
        } finally {
            gc.dispose();
        }
        return rows.size() * rowHeight;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        Rectangle clip = gc.getClipping();
        if (background == null || clip.width >= area.width) { // a full repaint, as after a theme change
            background = canvas.getBackground();
            valueColour = canvas.getForeground();
            captionColour = ColorMix.mix(background, valueColour, 0.6);
        }
        gc.setBackground(background);
        gc.fillRectangle(clip);
        for (int i = 0; i < rows.size(); i++) {
            int y = i * rowHeight;
            if (y >= clip.y + clip.height || y + rowHeight <= clip.y) {
                continue;
            }
            Row r = rows.get(i);
            if (clip.x < valueX) {
                gc.setForeground(captionColour);
                gc.drawText(r.caption, 0, y, true);
            }
            gc.setForeground(valueColour);
            gc.drawText(TextFit.fit(gc, r.value, area.width - valueX), valueX, y, true);
        }
    }

    private void hover(int y) {
        int i = rowHeight <= 0 ? -1 : y / rowHeight;
        String tip = i >= 0 && i < rows.size() ? rows.get(i).tooltip : null;
        if (tip != null && !tip.equals(canvas.getToolTipText())) {
            canvas.setToolTipText(tip);
        }
    }
}
