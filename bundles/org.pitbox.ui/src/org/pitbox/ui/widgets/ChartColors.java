package org.pitbox.ui.widgets;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/**
 * The colours of a chart, taken from the theme's background and text colours (dark or light CSS), with a
 * palette of lap colours that reads well on that background. SWT colours need no disposing.
 */
record ChartColors(Color background, Color foreground, Color grid, Color axis, Color cursor, Color[] laps) {
    private static final int[] DARK = {0x4ea1ff, 0xff8c42, 0x6dd47e, 0xe86bd8, 0xffd447, 0x4fd6d6, 0xb39dff, 0xff6b6b};
    private static final int[] LIGHT = {0x1f63c6, 0xd65a00, 0x1d8a3a, 0xb5179e, 0x9a7400, 0x00838f, 0x6a4fc8, 0xc62828};

    static ChartColors of(Color background, Color foreground) {
        RGB bg = background.getRGB();
        RGB fg = foreground.getRGB();
        boolean dark = 0.299 * bg.red + 0.587 * bg.green + 0.114 * bg.blue < 128;
        int[] palette = dark ? DARK : LIGHT;
        Color[] laps = new Color[palette.length];
        for (int i = 0; i < laps.length; i++) {
            laps[i] = new Color(palette[i] >> 16, palette[i] >> 8 & 0xff, palette[i] & 0xff);
        }
        return new ChartColors(background, foreground, ColorMix.mix(bg, fg, 0.13), ColorMix.mix(bg, fg, 0.65),
                ColorMix.mix(bg, fg, 0.8), laps);
    }

    Color lap(int i) {
        return laps[i % laps.length];
    }
}
