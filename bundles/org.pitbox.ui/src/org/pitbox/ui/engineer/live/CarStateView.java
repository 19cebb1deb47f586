package org.pitbox.ui.engineer.live;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.pitbox.core.engineer.CarState;
import org.pitbox.core.engineer.FuelPlan;
import org.pitbox.core.engineer.LapTable;
import org.pitbox.core.strategy.Consumption;
import org.pitbox.core.strategy.PitWindow;
import org.pitbox.ui.services.LiveBoard;
import org.pitbox.ui.engineer.strategy.StrategyFigures;

/** The watched car in figures: the lap in progress, fuel and its plan, tyres, flags and damage. */
final class CarStateView {
    /** Safety margin of the fuel figures shown here: 5 % (the Strategy part lets the engineer choose). */
    static final double MARGIN = 0.05;

    private final Composite panel;
    private final Map<String, Label> values = new LinkedHashMap<>();

    CarStateView(Composite parent, IStylingEngine styling) {
        panel = new Composite(parent, SWT.NONE);
        panel.setLayout(new GridLayout(2, false));
        row(styling, "Lap", "The lap in progress and the time into it");
        row(styling, "Delta", "Behind (+) or ahead (-) of the session's best lap at this point");
        row(styling, "Best / ideal", "Best lap, and the sum of the best sectors");
        row(styling, "Fuel", "Litres on board of the tank's size");
        row(styling, "Per lap", "Litres per clean lap: average of 5 and last (the Strategy part has them all)");
        row(styling, "Fuel lasts", "Laps and time the fuel on board lasts");
        row(styling, "To finish", "Litres to the flag with a 5 % margin, for the laps to go");
        row(styling, "Add at stop", "Litres to add at the next stop to reach the flag");
        row(styling, "Pit window", "Earliest and latest lap to stop on for fuel");
        row(styling, "Tyres °C", "Surface temperatures, middle of each tyre: LF RF / LR RR");
        row(styling, "Pressures", "Hot pressures in kPa: LF RF / LR RR");
        row(styling, "Flags", "Session flags shown now");
        row(styling, "Car", "Engine warnings, incidents, repairs left, pit road");
    }

    private void row(IStylingEngine styling, String caption, String tooltip) {
        Label c = new Label(panel, SWT.NONE);
        c.setText(caption);
        c.setToolTipText(tooltip);
        styling.setClassname(c, "readout-caption");
        Label v = new Label(panel, SWT.NONE);
        v.setText("--");
        v.setToolTipText(tooltip);
        v.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        styling.setClassname(v, "readout-value");
        values.put(caption, v);
    }

    Composite control() {
        return panel;
    }

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
        t.put("Fuel", litres(car.fuel()) + " of " + litres(car.tankSize()));
        Consumption c = car.consumption();
        t.put("Per lap", c == null || c.laps() == 0 ? "-- (after a clean lap)"
                : String.format(Locale.ROOT, "%.2f avg of 5, %.2f last (L)", c.average5(), c.last()));
        FuelPlan plan = c == null || !(c.average5() > 0) ? null : car.fuelPlan(c.average5(), MARGIN);
        if (plan == null) {
            t.put("Fuel lasts", "--");
            t.put("To finish", "--");
            t.put("Add at stop", "--");
            t.put("Pit window", "--");
        } else {
            t.put("Fuel lasts", String.format(Locale.ROOT, "%.1f laps, %s", plan.lapsOnFuel(),
                    StrategyFigures.clock(plan.secondsOnFuel())));
            t.put("To finish", plan.lapsToGo() != plan.lapsToGo() ? "-- (no end to the session)"
                    : litres(plan.fuelToFinish()) + String.format(Locale.ROOT, " (%.1f laps)", plan.lapsToGo()));
            t.put("Add at stop", litres(plan.fuelToAdd()));
            t.put("Pit window", window(plan.pitWindow()));
        }
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

    static String window(PitWindow w) {
        if (w == null) {
            return "--";
        }
        if (!w.needed()) {
            return "no stop needed";
        }
        String stops = w.stops() == 1 ? "1 stop" : w.stops() + " stops";
        return w.open() ? "after lap " + w.earliest() + " to " + w.latest() + " (" + stops + ")"
                : "box now: fuel runs out on lap " + (w.latest() + 1);
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

    private static String litres(double l) {
        return l == l ? String.format(Locale.ROOT, "%.1f L", l) : "--";
    }

    String text(String caption) {
        return values.get(caption).getText();
    }

    /** Shows the texts; on the UI thread. */
    void show(Map<String, String> texts) {
        boolean resized = false;
        for (Map.Entry<String, Label> e : values.entrySet()) {
            String text = texts.getOrDefault(e.getKey(), "--");
            if (!text.equals(e.getValue().getText())) {
                resized |= text.length() != e.getValue().getText().length();
                e.getValue().setText(text);
            }
        }
        if (resized) {
            panel.layout(true);
        }
    }
}
