package org.pitbox.ui.engineer.strategy;

import java.util.Locale;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Control;
import org.pitbox.app.strategy.LiveCar;
import org.pitbox.app.strategy.StrategyFigures;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.fuel.PitWindow;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.core.strategy.RaceLength;

/** Fills the {@link StrategyPart}'s widgets from the live car and the typed figures. */
final class StrategyView {
    private StrategyView() {
    }

    static void show(StrategyPart p) {
        double margin = p.margin.read();
        LiveCar car = p.board.active() ? LiveCar.read(p.board, p.planWith.getSelectionIndex(), margin) : null;
        showLive(p, car);
        double perLap = p.perLap.read();
        double lapTime = p.lapTime.read();
        double tank = p.tank.read();
        double fuel = p.fuel.read();
        RaceLength race = race(p);
        boolean livePlan = car != null && car.toTheFlag();
        p.lapsDone.show(!livePlan);
        double done = livePlan ? 0 : p.lapsDone.read();
        source(p, car, livePlan);

        FuelFigures o = null;
        String problem = null;
        boolean carOk = perLap > 0 && lapTime > 0 && tank > 0 && margin >= 0;
        if (livePlan) {
            o = car.figures();
        } else if (carOk && fuel >= 0 && race != null && done >= 0) {
            try {
                o = StrategyFigures.typed(perLap, lapTime, tank, fuel, margin, race, (int) done);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        } else {
            problem = "Correct the figures marked in red.";
        }
        for (int i = 0; i < p.outputs.length; i++) {
            p.outputs[i].setText(o == null ? FuelText.UNKNOWN : outcomeLine(o, i));
        }
        PitWindow w = o == null ? null : o.pitWindow();
        p.styling.setClassname(p.outputs[4], w == null || w.open() ? "readout-value"
                : w.needed() ? "status-bad" : "status-ok");
        p.fuelProblem.setText(problem == null ? "" : problem);
        show(p.fuelProblem, problem != null);

        String carProblem = carOk && race != null ? null : "Correct the car and race figures marked in red above.";
        p.stints.plan(race, lapTime, perLap, tank, margin, carProblem);
    }

    private static void showLive(StrategyPart p, LiveCar car) {
        show(p.consumption, car != null);
        if (car != null) {
            for (int i = 0; i < p.figures.length; i++) {
                double v = LiveCar.pick(car.consumption(), i);
                p.figures[i].setText(FuelText.perLap(v));
            }
        }
        double perLap = car == null ? Double.NaN : LiveCar.usable(car.perLap());
        double lapTime = car == null ? Double.NaN : LiveCar.usable(car.figures().lapTime());
        double tank = car == null ? Double.NaN : LiveCar.usable(car.tank());
        double fuel = car == null || !(car.fuel() >= 0) ? Double.NaN : car.fuel();
        p.perLap.live(Double.isNaN(perLap) ? null : String.format(Locale.ROOT, "%.3f", perLap));
        p.lapTime.live(Double.isNaN(lapTime) ? null : StrategyFigures.lapTime(lapTime));
        p.tank.live(Double.isNaN(tank) ? null : String.format(Locale.ROOT, "%.1f", tank));
        p.fuel.live(Double.isNaN(fuel) ? null : String.format(Locale.ROOT, "%.1f", fuel));
    }

    private static void source(StrategyPart p, LiveCar car, boolean livePlan) {
        String text;
        String style;
        if (car == null) {
            text = StrategyPart.NOBODY;
            style = "hint";
        } else if (Double.isNaN(LiveCar.usable(car.perLap()))) {
            text = "Watching " + car.driver() + ": no clean lap yet, so type the fuel per lap until one is done.";
            style = "hint";
        } else if (livePlan) {
            text = "Watching " + car.driver() + ": fuel from " + LapTimes.count(car.consumption().laps(), "clean lap")
                    + " ("
                    + LiveCar.FIGURES[p.planWith.getSelectionIndex()].toLowerCase(Locale.ROOT)
                    + "), laps to go from the session.";
            style = "status-ok";
        } else {
            text = "Watching " + car.driver() + ": the session has no lap or time limit (or no fuel channels),"
                    + " so the fuel figures use the race length below.";
            style = "hint";
        }
        p.source.setText(text);
        p.styling.setClassname(p.source, style);
    }

    private static void show(Control c, boolean visible) {
        c.setVisible(visible);
        GridData d = (GridData) c.getLayoutData();
        d.exclude = !visible;
    }

    /** The race the fields describe, null when they do not. */
    static RaceLength race(StrategyPart p) {
        double v = p.length.read();
        if (!(v > 0)) {
            return null;
        }
        return p.byTime.getSelection() ? RaceLength.time(v) : RaceLength.laps((int) v);
    }

    static String outcomeLine(FuelFigures o, int i) {
        return switch (i) {
            case 0 -> FuelText.laps(o.lapsOfFuel()) + " · " + FuelText.clock(o.secondsOfFuel());
            case 1 -> FuelText.laps(o.lapsToGo()) + " · " + FuelText.clock(o.secondsToGo());
            case 2 -> FuelText.litres(o.fuelToFlag());
            case 3 -> FuelText.toAdd(o);
            case 4 -> FuelText.window(o.pitWindow());
            default -> LapTimes.count(o.lapsPerTank(), "lap");
        };
    }
}
