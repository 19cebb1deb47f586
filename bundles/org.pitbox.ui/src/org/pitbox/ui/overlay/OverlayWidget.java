package org.pitbox.ui.overlay;

/** The boxes of the driver overlay, with where they sit until the driver moves them. */
public enum OverlayWidget {
    DELTA("Delta to best", 8, 8, 372, 58),
    LAPS("Lap times", 8, 72, 372, 64),
    ENGINE("Gear, speed, RPM", 388, 8, 236, 128),
    FUEL("Fuel", 632, 8, 220, 128),
    INPUTS("Pedals and steering", 8, 142, 372, 100),
    RELATIVE("Relative", 388, 142, 236, 150),
    RADIO("Team link and radio", 632, 142, 220, 100),
    PIT("Pit stop", 860, 8, 220, 284);

    final String label;
    final int x;
    final int y;
    final int width;
    final int height;

    OverlayWidget(String label, int x, int y, int width, int height) {
        this.label = label;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
    }
}
