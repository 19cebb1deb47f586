package org.pitbox.ui.engineer.live;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/** Team Live's colours, each in a shade for the dark theme and one that reads on the light theme's white. */
enum LiveColors {
    /** The lap in progress and the car on the map. */
    CURRENT(0xffd447, 0x9a7400),
    /** The session's best lap. */
    BEST(0x6dd47e, 0x1d8a3a),
    /** A session-best sector, as on a timing screen. */
    BEST_SECTOR(0xb37dff, 0x6a2fc8),
    /** The start/finish line. */
    LINE(0xff6b6b, 0xc62828);

    private final Color dark;
    private final Color light;

    LiveColors(int dark, int light) {
        this.dark = new Color(dark >> 16, dark >> 8 & 0xff, dark & 0xff);
        this.light = new Color(light >> 16, light >> 8 & 0xff, light & 0xff);
    }

    /** The shade for a {@code background} read before (reading a widget's colour is slow on GTK). */
    Color on(Color background) {
        return on(dark(background));
    }

    /** The shade for the dark theme or for the light one. */
    Color on(boolean darkTheme) {
        return darkTheme ? dark : light;
    }

    /** Whether {@code background} is dark (the dark theme). */
    static boolean dark(Color background) {
        RGB bg = background.getRGB();
        return 0.299 * bg.red + 0.587 * bg.green + 0.114 * bg.blue < 128;
    }
}
