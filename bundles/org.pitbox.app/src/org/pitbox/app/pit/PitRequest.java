package org.pitbox.app.pit;

/** What the driver asks of the PIT box: a button or a key. */
public enum PitRequest {
    /** One litre less than the Fuel button adds. */
    LESS,
    /** One litre more. */
    MORE,
    /** Add the shown amount of fuel at the next stop. */
    FUEL,
    LF, RF, LR, RR,
    /** All four tyres. */
    ALL,
    TEAR_OFF,
    FAST_REPAIR,
    /** Clear every request. */
    CLEAR
}
