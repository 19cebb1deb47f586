package org.pitbox.ui.tests;

import java.util.function.BooleanSupplier;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** Waiting in UI tests while the event loop runs, and finding a part's tab folder for screenshots. */
public final class UiWait {
    private static final int DEFAULT_SECONDS = 60;

    private UiWait() {
    }

    /** Runs the event loop until {@code done} holds; fails after a minute, naming {@code what}. */
    public static void await(Display display, BooleanSupplier done, String what) {
        await(display, done, DEFAULT_SECONDS, what);
    }

    public static void await(Display display, BooleanSupplier done, int seconds, String what) {
        for (long end = System.currentTimeMillis() + seconds * 1000L; System.currentTimeMillis() < end;) {
            if (done.getAsBoolean()) {
                return;
            }
            settle(display, 50);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    /** Lets the UI lay out and paint for a while. */
    public static void settle(Display display, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** The tab folder holding a part: its stack with the tabs, for a screenshot. */
    public static CTabFolder folderOf(MPart part) {
        Control c = (Control) part.getWidget();
        while (!(c instanceof CTabFolder)) {
            c = c.getParent();
        }
        return (CTabFolder) c;
    }
}
