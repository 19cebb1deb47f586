package org.pitbox.ui.overlay;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;

/** A font and a colour to draw figures in. */
record Ink(Font font, Color color) {
    void draw(GC gc, String s, int x, int y) {
        gc.setFont(font);
        gc.setForeground(color);
        gc.drawString(s, x, y, true);
    }

    int width(GC gc, String s) {
        gc.setFont(font);
        return gc.stringExtent(s).x;
    }
}
