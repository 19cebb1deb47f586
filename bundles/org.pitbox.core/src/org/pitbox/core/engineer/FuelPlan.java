package org.pitbox.core.engineer;

import org.pitbox.core.strategy.FuelCalculator;
import org.pitbox.core.strategy.PitWindow;

/**
 * The fuel figures for the rest of a session at one consumption, worked out by {@link FuelCalculator}.
 *
 * @param perLap        litres per lap planned with
 * @param lapTime       seconds per lap planned with
 * @param lapsOnFuel    laps the fuel on board lasts, without margin
 * @param secondsOnFuel seconds the fuel on board lasts, without margin
 * @param lapsToGo      laps left to the flag including the rest of this one; NaN when the session has no end
 * @param fuelToFinish  litres to reach the flag, with the margin; NaN without {@code lapsToGo}
 * @param fuelToAdd     litres to add at the next stop, at most what fits in the tank; NaN without {@code lapsToGo}
 * @param pitWindow     the window for the next stop; null without {@code lapsToGo} or the laps completed
 */
public record FuelPlan(double perLap, double lapTime, double lapsOnFuel, double secondsOnFuel, double lapsToGo,
        double fuelToFinish, double fuelToAdd, PitWindow pitWindow) {

    /**
     * @param position laps completed with the fraction of the lap in progress, NaN when unknown
     * @return null unless perLap, lapTime and tank are positive and fuel is known
     */
    static FuelPlan of(double perLap, double lapTime, double tank, double margin, double fuel, double lapsToGo,
            double position) {
        if (!(perLap > 0 && lapTime > 0 && tank > 0 && fuel >= 0) || Double.isInfinite(tank)) {
            return null;
        }
        FuelCalculator calc = new FuelCalculator(perLap, lapTime, tank, margin);
        if (!(lapsToGo >= 0)) {
            return new FuelPlan(perLap, lapTime, calc.lapsOnFuel(fuel), calc.secondsOnFuel(fuel), Double.NaN,
                    Double.NaN, Double.NaN, null);
        }
        PitWindow window = position >= 0 && calc.lapsPerTank() >= 1
                ? calc.pitWindow(position, fuel, (int) Math.ceil(position + lapsToGo - 1e-9)) : null;
        return new FuelPlan(perLap, lapTime, calc.lapsOnFuel(fuel), calc.secondsOnFuel(fuel), lapsToGo,
                calc.fuelToFinish(lapsToGo), calc.fuelToAdd(lapsToGo, fuel), window);
    }
}
