package org.pitbox.ui.overlay;

import org.pitbox.app.pit.PitRequest;

/** The buttons of the PIT box, placed relative to its top left corner. */
enum PitButton {
    LESS("\u2212", 10, 24, 30, 30, "One litre less"),
    MORE("+", 106, 24, 30, 30, "One litre more"),
    FUEL("Fuel", 142, 24, 68, 30, "Add this much fuel at the next stop (Ctrl+Shift+F)"),
    LF("LF", 10, 80, 60, 28, "Change the left front tyre"),
    RF("RF", 74, 80, 60, 28, "Change the right front tyre"),
    LR("LR", 10, 112, 60, 28, "Change the left rear tyre"),
    RR("RR", 74, 112, 60, 28, "Change the right rear tyre"),
    ALL("All", 142, 80, 68, 60, "Change all four tyres (Ctrl+Shift+T)"),
    TEAR_OFF("Tear-off", 10, 148, 98, 28, "Tear off the windscreen film (Ctrl+Shift+R)"),
    FAST_REPAIR("Fast repair", 112, 148, 98, 28, "Use a fast repair at the next stop"),
    CLEAR("Clear", 10, 180, 200, 28, "Clear every pit request");

    /** Where the box's status lines start, below the buttons. */
    static final int STATUS_Y = 216;

    final String label;
    final int x;
    final int y;
    final int width;
    final int height;
    final String tip;

    PitButton(String label, int x, int y, int width, int height, String tip) {
        this.label = label;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.tip = tip;
    }

    /** What the button asks of the PIT box. */
    PitRequest request() {
        return PitRequest.valueOf(name());
    }

    /** The button at a point relative to the box, or null. */
    static PitButton at(int x, int y) {
        for (PitButton b : values()) {
            if (x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height) {
                return b;
            }
        }
        return null;
    }
}
