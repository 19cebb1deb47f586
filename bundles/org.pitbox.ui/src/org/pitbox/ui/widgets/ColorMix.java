package org.pitbox.ui.widgets;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/** Shades between two theme colours, for grids, axes and captions that follow the theme. */
public final class ColorMix {
    private ColorMix() {
    }

    /** {@code share} of the way from {@code a} to {@code b}. */
    public static Color mix(Color a, Color b, double share) {
        return mix(a.getRGB(), b.getRGB(), share);
    }

    static Color mix(RGB a, RGB b, double share) {
        return new Color((int) Math.round(a.red + share * (b.red - a.red)),
                (int) Math.round(a.green + share * (b.green - a.green)),
                (int) Math.round(a.blue + share * (b.blue - a.blue)));
    }
}
