package org.pitbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** Layout checks for UI tests: a control shows in full inside every parent up to its window. */
public final class Fits {
    private Fits() {
    }

    /** Fails unless {@code c} is visible and no parent cuts any of it. */
    public static void shownInFull(Control c, String what) {
        assertTrue(c.isVisible(), what + " is visible");
        inside(c.getParent(), onDisplay(c), what);
    }

    /** Fails unless {@code part}, a place on the display drawn by {@code c}, shows in full. */
    public static void shownInFull(Control c, Rectangle part, String what) {
        shownInFull(c, what);
        inside(c instanceof Composite k ? k : c.getParent(), part, what);
    }

    private static void inside(Composite parent, Rectangle own, String what) {
        assertTrue(own.width > 0 && own.height > 0, what + " has a size: " + own);
        for (Composite p = parent; p != null; p = p.getParent()) {
            Rectangle area = p.getClientArea();
            Point at = p.toDisplay(area.x, area.y);
            Rectangle shown = new Rectangle(at.x, at.y, area.width, area.height);
            assertTrue(shown.intersection(own).equals(own), what + " at " + own + " lies inside " + p + " at "
                    + shown);
            if (p instanceof Shell) {
                return;
            }
        }
    }

    /** The outer bounds of {@code c} on the display. */
    public static Rectangle onDisplay(Control c) {
        Rectangle b = c.getBounds();
        Point at = c.getParent().toDisplay(b.x, b.y);
        return new Rectangle(at.x, at.y, b.width, b.height);
    }
}
