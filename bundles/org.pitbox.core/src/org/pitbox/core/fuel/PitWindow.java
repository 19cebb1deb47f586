package org.pitbox.core.fuel;

/**
 * When to make the next stop, as laps completed since the start: "pit at the end of lap N".
 *
 * @param stops    stops still needed, 0 when the fuel on board lasts to the flag
 * @param earliest first lap after which full tanks at this and every later stop reach the flag with
 *                 {@code stops - 1} more stops; -1 when no stop is needed
 * @param latest   last lap the fuel on board completes; -1 when no stop is needed
 */
public record PitWindow(int stops, int earliest, int latest) {
    static final PitWindow NONE = new PitWindow(0, -1, -1);

    public boolean needed() {
        return stops > 0;
    }

    /** Whether the window is open at all: false when the fuel runs out before the earliest lap. */
    public boolean open() {
        return stops > 0 && earliest <= latest;
    }
}
