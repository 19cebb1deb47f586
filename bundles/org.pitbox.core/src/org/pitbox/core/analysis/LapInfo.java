package org.pitbox.core.analysis;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pitbox.core.laps.DoubleList;

/**
 * One lap of a session, or the part of it the recording covers.
 *
 * @param number      iRacing {@code Lap} number
 * @param firstRecord first record of the lap
 * @param lastRecord  last record of the lap (inclusive)
 * @param startTime   session time at the start, interpolated at the line when the lap started there
 * @param endTime     session time at the end, interpolated at the line when the lap ended there
 * @param startPct    lap distance at the start: 0 when the lap started at the line
 * @param endPct      lap distance at the end: 1 when the lap ended at the line
 * @param flags       why the lap is not a clean timed lap; empty when it is
 * @param sectorTimes one time per sector, NaN for sectors the lap did not fully cover
 * @param fuelUsed    litres used (negative after a refuel), NaN without a FuelLevel channel
 */
public record LapInfo(int number, int firstRecord, int lastRecord, double startTime, double endTime,
        double startPct, double endPct, Set<Flag> flags, List<Double> sectorTimes, double fuelUsed) {

    public enum Flag {
        /** The car left pit road during the lap (or, without an OnPitRoad channel, joined mid-lap). */
        OUT_LAP,
        /** The car entered pit road during the lap or ended it on pit road. */
        IN_LAP,
        /** The recording did not cover the lap from line to line. */
        INCOMPLETE,
        /** Fuel went up during the lap. */
        REFUEL,
        /** The car left the racing surface during the lap. */
        OFF_TRACK
    }

    public LapInfo {
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        sectorTimes = DoubleList.copyOf(sectorTimes);
    }

    public double lapTime() {
        return endTime - startTime;
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** A lap driven from line to line on track without refuelling. */
    public boolean isClean() {
        return flags.isEmpty();
    }
}
