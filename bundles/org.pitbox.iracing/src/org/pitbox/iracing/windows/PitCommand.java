package org.pitbox.iracing.windows;

/** {@code irsdk_PitCommandMode}: what the pit crew should do at the next stop. */
public enum PitCommand {
    /** Clear all checkboxes. */
    CLEAR_ALL(0, false),
    /** Windshield tear-off. */
    TEAR_OFF(1, false),
    /** Add fuel; parameter litres, 0 keeps the current amount. */
    FUEL(2, true),
    /** Change a tyre; parameter cold pressure in kPa, 0 keeps the current pressure. */
    LF(3, true), RF(4, true), LR(5, true), RR(6, true),
    CLEAR_TIRES(7, false),
    FAST_REPAIR(8, false),
    CLEAR_WINDSHIELD(9, false),
    CLEAR_FAST_REPAIR(10, false),
    CLEAR_FUEL(11, false);

    private final int code;
    private final boolean takesValue;

    PitCommand(int code, boolean takesValue) {
        this.code = code;
        this.takesValue = takesValue;
    }

    public int code() {
        return code;
    }

    /** Whether the command carries a parameter (litres or kPa). */
    public boolean takesValue() {
        return takesValue;
    }
}
