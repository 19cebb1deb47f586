package org.pitbox.voice.answer;

import org.pitbox.core.fuel.FuelFigures;

/**
 * The live figures a spoken answer needs, held still at one moment: the overlay's {@link FuelFigures} (same
 * consumption average, margin and laps to go), lap times, the cars next in the running order, and what the
 * session has left. NaN (0 for counts) is unknown.
 *
 * @param fuel          the figures the overlay shows, computed by core
 * @param averageLaps   clean laps in the consumption average
 * @param lastLap       the last lap driven line to line, seconds
 * @param bestLap       the best clean lap, seconds
 * @param sessionBest   the fastest lap of any car in the session, seconds
 * @param gapAhead      seconds to the car one place ahead
 * @param gapBehind     seconds to the car one place behind
 * @param position      race position, 0 when unknown
 * @param cars          cars in the running order
 * @param secondsLeft   seconds the session has left (NaN when it has no time limit)
 */
public record VoiceFacts(FuelFigures fuel, int averageLaps, double lastLap, double bestLap, double sessionBest,
        double gapAhead, double gapBehind, int position, int cars, double secondsLeft) {
}
