package org.pitbox.ui.widgets;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Label;

/** Texts cut to a width with an ellipsis, for labels that must never run into what stands beside them. */
public final class TextFit {
    public static final String ELLIPSIS = "\u2026";

    private TextFit() {
    }

    /** Shows {@code text} on a one-line {@code label}, shortened to the label's width. */
    public static void show(Label label, String text) {
        GC gc = new GC(label);
        try {
            label.setText(fit(gc, text, Math.max(1, label.getSize().x)));
        } finally {
            gc.dispose();
        }
    }

    /** {@code text} as it fits {@code width} pixels in {@code gc}'s font: whole, or cut with an ellipsis. */
    public static String fit(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        int low = 0;
        int high = text.length() - 1; // the longest cut that fits lies in [low, high]
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (gc.textExtent(text.substring(0, mid) + ELLIPSIS).x <= width) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return text.substring(0, low).stripTrailing() + ELLIPSIS;
    }
}
