package org.pitbox.core.strategy;

/**
 * One stint of a plan: the laps between two stops. Times are race clock seconds.
 *
 * @param firstLap    the stint's first lap, counting from 1
 * @param stopSeconds the stop before the stint (pit loss and refuelling), 0 for the first stint
 * @param startTime   when the stint's first lap starts, after the stop
 * @param endTime     when its last lap crosses the line
 * @param fuelAdded   litres added at the stop before it; 0 for the first stint
 * @param fuelAtStart litres on board at the start
 * @param fuelAtEnd   litres left at the end at the planned consumption (without margin)
 */
public record Stint(int number, String driver, int firstLap, int laps, double stopSeconds, double startTime,
        double endTime, double fuelAdded, double fuelAtStart, double fuelAtEnd) {

    public int lastLap() {
        return firstLap + laps - 1;
    }

    /** Seconds on track. */
    public double driveSeconds() {
        return endTime - startTime;
    }
}
