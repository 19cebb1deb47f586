package org.pitbox.core.compare;

import org.pitbox.core.laps.Lap;

/**
 * One lap in a comparison.
 *
 * @param session the session it comes from, as the user knows it (a file name, a driver)
 * @param lap     the lap, as segmented from that session
 */
public record ComparedLap(String session, Lap lap) {
}
