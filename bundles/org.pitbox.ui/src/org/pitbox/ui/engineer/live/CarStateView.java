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
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.strategy.StrategyFigures;
import org.pitbox.core.engineer.CarState;
import org.pitbox.core.engineer.LapTable;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.fuel.PitWindow;
import org.pitbox.core.strategy.Consumption;

/** The watched car in figures: the lap in progress, fuel and its plan, tyres, flags and damage. */
final class CarStateView {
    private final Composite panel;
    private final Map<String, Label> values = new LinkedHashMap<>();

    CarStateView(Composite parent, IStylingEngine styling) {
        panel = new Composite(parent, SWT.NONE);
        panel.setLayout(new GridLayout(2, false));
        row(styling, "Lap", "The lap in progress and the time into it");
        row(styling, "Delta", "Behind (+) or ahead (-) of the session's best lap at this point");
        row(styling, "Best / ideal", "Best lap, and the sum of the best sectors");
        row(styling, "Fuel", "Litres on board of the tank's size");
        row(styling, PER_LAP, "Litres per clean lap: the average of the last 5 (or fewer while there are fewer) and"
                + " the last (the Strategy part has them all)");
        row(styling, FuelText.LAPS_OF_FUEL, "Laps and time the fuel on board lasts at the average, no margin");
        row(styling, FuelText.TO_FLAG, "Litres needed to finish from here at the average, no margin; the laps to go");
        row(styling, FuelText.TO_ADD, "Fuel to the flag plus the " + FuelText.margin(FuelFigures.MARGIN)
                + " margin, less the fuel on board");
        row(styling, FuelText.PIT_WINDOW, "The laps to stop after for fuel, with the margin");
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
