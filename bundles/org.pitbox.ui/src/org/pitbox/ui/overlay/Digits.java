package org.pitbox.ui.overlay;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.TextLayout;
import org.eclipse.swt.widgets.Display;

/**
 * Draws figures one character at a time from layouts made once per character, so a figure that changes every
 * frame is never laid out again: on GTK, laying out even four digits costs well over 100 µs, drawing a ready
 * character about 8. Digits are tabular in the overlay's fonts, so nothing is lost without kerning. A text with
 * any other character is drawn whole through a {@link Label}.
 */
final class Digits {
    private static final String CHARS = "0123456789.:-+NR";

    private final TextLayout[] glyphs = new TextLayout[CHARS.length()];
    private final int[] advance = new int[CHARS.length()];
    private final Label other;

    Digits(Display display, Font font) {
        for (int i = 0; i < glyphs.length; i++) {
            glyphs[i] = new TextLayout(display);
            glyphs[i].setFont(font);
            glyphs[i].setText(CHARS.substring(i, i + 1));
            advance[i] = glyphs[i].getBounds().width;
        }
        other = new Label(display, font, -1);
    }

    void draw(GC gc, String s, Color color, int x, int y) {
        if (!plain(s)) {
            other.draw(gc, s, color, x, y);
            return;
        }
        gc.setForeground(color);
        for (int i = 0; i < s.length(); i++) {
            int g = CHARS.indexOf(s.charAt(i));
            glyphs[g].draw(gc, x, y);
            x += advance[g];
        }
    }

    /** Draws {@code s} centred in a box {@code width} wide. */
    void center(GC gc, String s, Color color, int x, int y, int boxWidth) {
        draw(gc, s, color, x + (boxWidth - width(s)) / 2, y);
    }

    int width(String s) {
        if (!plain(s)) {
            return other.width(s);
        }
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += advance[CHARS.indexOf(s.charAt(i))];
        }
        return w;
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (CHARS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    void dispose() {
        for (TextLayout g : glyphs) {
            g.dispose();
        }
        other.dispose();
    }
}
