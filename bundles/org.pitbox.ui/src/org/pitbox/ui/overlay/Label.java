package org.pitbox.ui.overlay;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.TextLayout;
import org.eclipse.swt.widgets.Display;

/**
 * One text of the overlay with a layout of its own, laid out again only when it is handed another String. The
 * model hands the same instance until a shown figure changes, so drawing an unchanged text allocates nothing
 * (GC.drawString converts and lays out its string on every call).
 */
final class Label {
    private final TextLayout layout;
    private String text;
    private int width;
    private int height;

    /** {@code wrap} is the width to wrap at, or -1 for one line. */
    Label(Display display, Font font, int wrap) {
        layout = new TextLayout(display);
        layout.setFont(font);
        layout.setWidth(wrap);
    }

    /** Whether drawing {@code s} would change what is shown: the same instance is the same text. */
    boolean differs(String s) {
        return s != text;
    }

    void draw(GC gc, String s, Color color, int x, int y) {
        set(s);
        gc.setForeground(color);
        layout.draw(gc, x, y);
    }

    /** Draws {@code s} centred in a box {@code width} wide. */
    void center(GC gc, String s, Color color, int x, int y, int boxWidth) {
        draw(gc, s, color, x + (boxWidth - width(s)) / 2, y);
    }

    int width(String s) {
        set(s);
        return width;
    }

    int height(String s) {
        set(s);
        return height;
    }

    private void set(String s) {
        if (s != text) {
            layout.setText(s);
            text = s;
            Rectangle bounds = layout.getBounds();
            width = bounds.width;
            height = bounds.height;
        }
    }

    void dispose() {
        layout.dispose();
    }
}
