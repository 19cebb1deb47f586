package org.pitbox.ui.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.settle;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.SideValue;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimBar;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pitbox.demo.Screenshots;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.ui.services.UiPreferences;
import org.pitbox.ui.tests.Fits;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;

/** Where the overlay opens: the first time at the top centre of a screen, clear of the workbench; then where it was left. */
class OverlayPlacementTest {
    private static final String WINDOW = "overlay.window";
    private final UiPreferences prefs = new UiPreferences();
    private final List<Throwable> failures = new ArrayList<>();

    @BeforeEach
    @AfterEach
    void forgetThePlace() {
        prefs.put(WINDOW, null);
        prefs.put(OverlayPlacement.MONITOR, null);
    }

    @Test
    void aSecondScreenIsTakenWhenThereIsOneUnlessTheDriverPicksAnother() {
        List<Rectangle> screens = List.of(new Rectangle(0, 0, 1920, 1080), new Rectangle(1920, 0, 2560, 1440));
        Point size = new Point(1088, 300);
        List<Rectangle> workbench = List.of(new Rectangle(0, 0, 1280, 60));
        assertEquals(new Point(1920 + (2560 - 1088) / 2, 8),
                OverlayPlacement.firstPlace(screens, 0, OverlayPlacement.AUTO, size, workbench));
        assertEquals(new Point((1920 - 1088) / 2, 68), OverlayPlacement.firstPlace(screens, 0, "1", size, workbench),
                "on the workbench's screen, below its menu and tool bars");
        assertEquals(new Point((1920 - 1088) / 2, 8), OverlayPlacement.firstPlace(screens.subList(0, 1), 0, "2", size,
                List.of()), "a screen that is gone: the one there is");
        assertEquals(0, OverlayPlacement.chosen(2, 1, OverlayPlacement.AUTO), "the other screen than the primary");
    }

    @Test
    void opensClearOfTheWorkbenchThenWhereTheDriverLeftIt() {
        TestWorkbench.check("overlay placement check failed", failures, this::exercise);
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench) throws Exception {
        OverlayWindow overlay = null;
        try {
            Shell shell = TestWorkbench.shell(app);
            shell.setBounds(0, 0, 1280, 720);
            settle(display, 500);
            Rectangle bars = menuAndToolBars(app);
            overlay = new OverlayWindow(new ActiveFeed());
            overlay.show();
            settle(display, 500);
            Rectangle first = overlay.shell().getBounds();
            Rectangle screen = display.getMonitors()[0].getClientArea();
            assertEquals(screen.x + (screen.width - first.width) / 2, first.x, "centred on the screen: " + first);
            assertTrue(first.y < screen.y + screen.height / 4, "at the top of the screen: " + first);
            assertFalse(first.intersects(bars), "not over the workbench's menu and tool bars " + bars + ": " + first);
            Screenshots.save(shell, TestScreenshots.check("overlay-first-place.png"));

            drag(overlay, -300, 200);
            Point left = overlay.shell().getLocation();
            assertEquals(new Point(first.x - 300, first.y + 200), left, "dragged by its background");
            overlay.shell().dispose();
            overlay = new OverlayWindow(new ActiveFeed());
            overlay.show();
            settle(display, 300);
            assertEquals(left, overlay.shell().getLocation(), "opens again where the driver left it");
        } finally {
            if (overlay != null && overlay.shell() != null) {
                overlay.shell().dispose();
            }
        }
    }

    /** From the window's top to the bottom of its top trim (tool bars), which lies below the menu bar. */
    private static Rectangle menuAndToolBars(MApplication app) {
        MTrimmedWindow window = (MTrimmedWindow) app.getChildren().get(0);
        Shell shell = (Shell) window.getWidget();
        int bottom = shell.toDisplay(0, 0).y;
        for (MTrimBar bar : window.getTrimBars()) {
            if (bar.getSide() == SideValue.TOP && bar.getWidget() instanceof Control c && c.isVisible()) {
                Rectangle b = Fits.onDisplay(c);
                bottom = Math.max(bottom, b.y + b.height);
            }
        }
        Rectangle outer = shell.getBounds();
        return new Rectangle(outer.x, outer.y, outer.width, bottom - outer.y);
    }

    /** Drags the overlay by a point of its background (left of the first box), as the driver does. */
    private static void drag(OverlayWindow overlay, int dx, int dy) {
        Control canvas = overlay.shell().getChildren()[0];
        mouse(canvas, SWT.MouseDown, 3, 3);
        mouse(canvas, SWT.MouseMove, 3 + dx, 3 + dy);
        mouse(canvas, SWT.MouseUp, 3 + dx, 3 + dy);
    }

    private static void mouse(Control c, int type, int x, int y) {
        Event e = new Event();
        e.button = type == SWT.MouseMove ? 0 : 1;
        e.x = x;
        e.y = y;
        c.notifyListeners(type, e);
    }
}
