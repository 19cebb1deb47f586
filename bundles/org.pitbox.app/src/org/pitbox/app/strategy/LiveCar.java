package org.pitbox.app.strategy;

import org.pitbox.app.live.LiveBoard;
import org.pitbox.core.engineer.CarState;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.strategy.Consumption;

/**
 * What the Strategy part takes from the watched car, copied out of the {@link LiveBoard} in one read.
 *
 * @param perLap  the chosen consumption figure, NaN before a clean lap
 * @param figures the car's fuel figures at {@code perLap} and the margin: the ones Team Live and the overlay show
 */
public record LiveCar(String driver, Consumption consumption, double perLap, double tank, double fuel,
        FuelFigures figures) {
    /** The consumption figures offered, in {@link #pick} order. */
    public static final String[] FIGURES = {"Last", "Avg 3", "Avg 5", "Avg 10", "Min", "Max"};
    /** Average of 5 laps, as Team Live and the overlay: steady, yet quick to follow a change of pace. */
    public static final int DEFAULT_FIGURE = 2;

    /** The watched car at consumption figure {@code figure} and {@code margin}; null when nobody is watched. */
    public static LiveCar read(LiveBoard board, int figure, double margin) {
        LiveCar[] car = new LiveCar[1];
        board.read(m -> {
            CarState state = m.car();
            Consumption c = state.consumption();
            double perLap = pick(c, figure);
            String name = m.session().driverName();
            car[0] = new LiveCar(name == null || name.isBlank() ? "the live car" : name, c, perLap,
                    state.tankSize(), state.fuel(), state.fuelFigures(perLap, margin));
        });
        return car[0];
    }

    /** Figure {@code i} of {@link #FIGURES}. */
    public static double pick(Consumption c, int i) {
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
    public static double usable(double v) {
        return v > 0 && Double.isFinite(v) ? v : Double.NaN;
    }

    /** Whether the figures reach the flag: a clean lap, the fuel and an end to the session are known. */
    public boolean toTheFlag() {
        return figures.fuelToFlag() >= 0 && figures.fuelToAdd() >= 0;
    }
}
