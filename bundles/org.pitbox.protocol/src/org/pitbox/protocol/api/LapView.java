package org.pitbox.protocol.api;

import java.util.List;

/**
 * One lap of a stored session.
 *
 * @param lapTime     seconds
 * @param sectorTimes seconds per sector; null for a sector the lap did not cover
 * @param fuelUsed    litres, null when the file has no fuel channel
 * @param flags       empty for a clean lap, else some of out_lap, in_lap, incomplete, refuel
 */
public record LapView(int number, double lapTime, List<Double> sectorTimes, Double fuelUsed, List<String> flags) {
}
