package org.pitbox.core.fuel;

/**
 * The one fuel calculation, under the names the overlay, Team Live, Strategy and the command line share:
 * <ul>
 * <li><b>laps of fuel</b>: laps the fuel in the tank lasts at the consumption (no margin);</li>
 * <li><b>fuel to the flag</b>: litres needed to finish from here (no margin);</li>
 * <li><b>fuel to add</b>: fuel to the flag plus the margin, less the fuel in the tank, never below 0 (more than
 * a tank when more than one stop is needed: the pit window says how many);</li>
 * <li><b>pit window</b>: the first and the last lap to stop after, with the margin.</li>
 * </ul>
 * The margin is a fraction of the fuel to the flag (0.05 adds 5 %) and is stated wherever fuel to add is shown.
 * Figures that cannot be worked out are NaN, the pit window null. One instance can be computed again and again
 * (the overlay does so every frame): {@link #compute} allocates nothing.
 */
public final class FuelFigures {
    /** The safety margin used unless the engineer types another: 5 %. */
    public static final double MARGIN = 0.05;
    /** Clean laps averaged for the consumption and the lap time the live figures use. */
    public static final int AVERAGE_LAPS = 5;
    /** SessionLapsRemainEx above this means a session without a lap limit (iRacing writes 32767). */
    private static final int UNLIMITED_LAPS = 10_000;
    /** SessionTimeRemain of a day or more means a session without a time limit (iRacing writes a week). */
    private static final double UNLIMITED_SECONDS = 86_400;
    /** Slack for floating point when counting whole laps. */
    private static final double EPS = 1e-9;

    private double perLap = Double.NaN;
    private double lapTime = Double.NaN;
    private double tank = Double.NaN;
    private double margin = Double.NaN;
    private double fuel = Double.NaN;
    private double lapsToGo = Double.NaN;
    private double lapsOfFuel = Double.NaN;
    private double fuelToFlag = Double.NaN;
    private double fuelToAdd = Double.NaN;
    private int lapsPerTank;
    private int stops = -1;
    private int earliest = -1;
    private int latest = -1;

    /**
     * Works the figures out anew.
     *
     * @param perLap   litres per lap planned with
     * @param lapTime  seconds per lap, for the time the fuel lasts
     * @param tank     litres a full tank holds, for the pit window
     * @param margin   safety margin as a fraction, 0.05 for 5 %
     * @param fuel     litres in the tank
     * @param lapsToGo laps to the flag including the rest of the lap in progress; NaN when the race has no end
     * @param position laps completed with the fraction of the lap in progress (12.4); NaN when unknown
     * @return this
     */
    public FuelFigures compute(double perLap, double lapTime, double tank, double margin, double fuel,
            double lapsToGo, double position) {
        this.perLap = perLap > 0 && !Double.isInfinite(perLap) ? perLap : Double.NaN;
        this.lapTime = lapTime > 0 && !Double.isInfinite(lapTime) ? lapTime : Double.NaN;
        this.tank = tank > 0 && !Double.isInfinite(tank) ? tank : Double.NaN;
        this.margin = margin >= 0 && !Double.isInfinite(margin) ? margin : Double.NaN;
        this.fuel = fuel >= 0 ? fuel : Double.NaN;
        this.lapsToGo = lapsToGo >= 0 ? lapsToGo : Double.NaN;
        lapsOfFuel = this.fuel / this.perLap;
        fuelToFlag = this.lapsToGo * this.perLap;
        fuelToAdd = Math.max(0, fuelToFlag * (1 + this.margin) - this.fuel);
        double perTank = Math.floor(this.tank / (this.perLap * (1 + this.margin)) + EPS);
        lapsPerTank = perTank >= 1 ? (int) Math.min(perTank, Integer.MAX_VALUE) : 0;
        window(position);
        return this;
    }

    private void window(double position) {
        stops = -1;
        earliest = -1;
        latest = -1;
        if (!(position >= 0) || Double.isNaN(lapsToGo) || Double.isNaN(lapsOfFuel) || lapsPerTank < 1) {
            return;
        }
        int raceLaps = (int) Math.ceil(position + lapsToGo - EPS);
        int last = (int) Math.floor(position + lapsOfFuel / (1 + margin) + EPS);
        if (last >= raceLaps) {
            stops = 0;
            return;
        }
        stops = Math.max(1, (raceLaps - last + lapsPerTank - 1) / lapsPerTank);
        earliest = Math.max((int) Math.ceil(position - EPS), raceLaps - stops * lapsPerTank);
        latest = last;
    }

    /**
     * Laps to the flag for a car at {@code lapPct} of its lap, from what the session has left: its laps
     * (SessionLapsRemainEx, which counts the lap in progress), else its time at {@code lapTime} a lap; NaN when
     * the session has neither limit.
     */
    public static double lapsToGo(double lapsRemaining, double secondsRemaining, double lapTime, double lapPct) {
        double into = lapPct >= 0 && lapPct <= 1 ? lapPct : 0;
        if (lapsRemaining >= 0 && lapsRemaining < UNLIMITED_LAPS) {
            return Math.max(0, lapsRemaining - into);
        }
        if (secondsRemaining >= 0 && secondsRemaining < UNLIMITED_SECONDS && lapTime > 0) {
            return timedLapsToGo(secondsRemaining, lapTime, into);
        }
        return Double.NaN;
    }

    /**
     * Laps left in a timed race for a car at {@code lapPct} of its lap: the rest of this lap plus the full laps
     * started before the time runs out (the race ends at the first crossing of the line after it).
     */
    public static double timedLapsToGo(double secondsRemaining, double lapTime, double lapPct) {
        double rest = 1 - lapPct;
        double after = secondsRemaining - rest * lapTime;
        return rest + (after > 0 ? Math.ceil(after / lapTime - EPS) : 0);
    }

    public double perLap() {
        return perLap;
    }

    public double lapTime() {
        return lapTime;
    }

    public double tank() {
        return tank;
    }

    /** The safety margin as a fraction. */
    public double margin() {
        return margin;
    }

    /** Litres in the tank. */
    public double fuel() {
        return fuel;
    }

    /** Laps the fuel in the tank lasts, no margin. */
    public double lapsOfFuel() {
        return lapsOfFuel;
    }

    /** Seconds the fuel in the tank lasts at the lap time. */
    public double secondsOfFuel() {
        return lapsOfFuel * lapTime;
    }

    /** Laps to the flag including the rest of the lap in progress. */
    public double lapsToGo() {
        return lapsToGo;
    }

    /** Seconds to the flag at the lap time. */
    public double secondsToGo() {
        return lapsToGo * lapTime;
    }

    /** Litres needed to finish from here, no margin. */
    public double fuelToFlag() {
        return fuelToFlag;
    }

    /** Fuel to the flag with the margin, less the fuel in the tank; 0 when the tank holds enough. */
    public double fuelToAdd() {
        return fuelToAdd;
    }

    /** Whole laps a full tank lasts with the margin; 0 when unknown. */
    public int lapsPerTank() {
        return lapsPerTank;
    }

    /** Stops still needed; -1 when the pit window is unknown. */
    public int stops() {
        return stops;
    }

    /** The window for the next stop; null when the race has no end or the position or tank is unknown. */
    public PitWindow pitWindow() {
        return stops < 0 ? null : stops == 0 ? PitWindow.NONE : new PitWindow(stops, earliest, latest);
    }
}
