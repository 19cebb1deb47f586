package org.pitbox.core.strategy;

/**
 * The car's pace and fuel for a stint plan.
 *
 * @param lapTime    seconds per lap, stops excluded
 * @param fuelPerLap litres per lap
 * @param tankSize   litres the tank holds
 * @param startFuel  litres at the start; NaN lets the planner choose what the first stint needs
 * @param margin     safety margin as a fraction of the fuel a stint needs (0.05 = 5 %)
 * @param pitLoss    seconds a stop costs against staying out, without refuelling time
 * @param refuelRate litres per second at a stop; 0 when {@code pitLoss} already includes refuelling
 */
public record CarSpec(double lapTime, double fuelPerLap, double tankSize, double startFuel, double margin,
        double pitLoss, double refuelRate) {

    public CarSpec {
        Checks.positive("lap time", lapTime);
        Checks.positive("fuel per lap", fuelPerLap);
        Checks.positive("tank size", tankSize);
        Checks.notNegative("margin", margin);
        Checks.notNegative("pit loss", pitLoss);
        Checks.notNegative("refuel rate", refuelRate);
        if (!Double.isNaN(startFuel) && !(startFuel > 0 && startFuel <= tankSize)) {
            throw new IllegalArgumentException("start fuel must be in (0, " + tankSize + "], got " + startFuel);
        }
        if (lapsOn(tankSize, fuelPerLap, margin) < 1) {
            throw new IllegalArgumentException("a full tank of " + tankSize + " l lasts less than a lap");
        }
        if (lapsOn(startFuel, fuelPerLap, margin) < 1) {
            throw new IllegalArgumentException("the start fuel of " + startFuel + " l lasts less than a lap");
        }
    }

    /** Without a start fuel, a 5 % margin and refuelling included in the pit loss. */
    public static CarSpec of(double lapTime, double fuelPerLap, double tankSize, double pitLoss) {
        return new CarSpec(lapTime, fuelPerLap, tankSize, Double.NaN, 0.05, pitLoss, 0);
    }

    public CarSpec withStartFuel(double litres) {
        return new CarSpec(lapTime, fuelPerLap, tankSize, litres, margin, pitLoss, refuelRate);
    }

    public CarSpec withMargin(double fraction) {
        return new CarSpec(lapTime, fuelPerLap, tankSize, startFuel, fraction, pitLoss, refuelRate);
    }

    public CarSpec withRefuelRate(double litresPerSecond) {
        return new CarSpec(lapTime, fuelPerLap, tankSize, startFuel, margin, pitLoss, litresPerSecond);
    }

    /** Litres per lap with the margin. */
    public double planned() {
        return fuelPerLap * (1 + margin);
    }

    /** Whole laps on {@code litres} with the margin; a large number for NaN (no limit given). */
    int lapsOn(double litres) {
        return lapsOn(litres, fuelPerLap, margin);
    }

    private static int lapsOn(double litres, double perLap, double margin) {
        return Double.isNaN(litres) ? Integer.MAX_VALUE
                : (int) Math.floor(litres / (perLap * (1 + margin)) + Checks.EPS);
    }
}
