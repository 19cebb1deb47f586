package org.pitbox.ui.engineer.strategy;

import org.pitbox.core.engineer.CarState;
import org.pitbox.core.engineer.FuelPlan;
import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.strategy.Consumption;
import org.pitbox.ui.services.LiveBoard;

/**
 * What the Strategy part takes from the watched car, copied out of the {@link LiveBoard} in one read.
 *
 * @param perLap  the chosen consumption figure, NaN before a clean lap
 * @param lapTime average of the last five clean laps, NaN before one
 * @param plan    the car's fuel plan at {@code perLap}; null before a clean lap or without fuel channels
 */
record LiveCar(String driver, Consumption consumption, double perLap, double lapTime, double tank, double fuel,
        FuelPlan plan) {
    /** The consumption figures offered, in {@link #pick} order. */
    static final String[] FIGURES = {"Last", "Avg 3", "Avg 5", "Avg 10", "Min", "Max"};
    /** Average of 5 laps: steady, yet quick to follow a change of pace. */
    static final int DEFAULT_FIGURE = 2;

    /** The watched car at consumption figure {@code figure} and {@code margin}; null when nobody is watched. */
    static LiveCar read(LiveBoard board, int figure, double margin) {
        LiveCar[] car = new LiveCar[1];
        board.read(m -> {
            CarState state = m.car();
            Consumption c = state.consumption();
            double perLap = pick(c, figure);
            FuelPlan plan = null;
            if (perLap > 0 && margin >= 0) {
                try {
                    plan = state.fuelPlan(perLap, margin);
                } catch (IllegalArgumentException e) {
                    plan = null; // figures that make no race (a tank shorter than a lap): the typed path says why
                }
            }
            String name = m.session().driverName();
            car[0] = new LiveCar(name == null || name.isBlank() ? "the live car" : name, c, perLap,
                    FuelStats.of(m.laps().laps()).averageLapTime(5), state.tankSize(), state.fuel(), plan);
        });
        return car[0];
    }

    /** Figure {@code i} of {@link #FIGURES}. */
    static double pick(Consumption c, int i) {
        return switch (i) {
            case 0 -> c.last();
            case 1 -> c.average3();
            case 3 -> c.average10();
            case 4 -> c.min();
            case 5 -> c.max();
            default -> c.average5();
        };
    }

    /** {@code v} when it is a usable figure, else NaN. */
    static double usable(double v) {
        return v > 0 && Double.isFinite(v) ? v : Double.NaN;
    }
}
