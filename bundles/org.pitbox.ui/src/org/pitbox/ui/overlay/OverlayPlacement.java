package org.pitbox.ui.overlay;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Monitor;
import org.eclipse.swt.widgets.Shell;
import org.pitbox.ui.services.UiPreferences;

/**
 * Where the overlay window opens: where the driver last left it while that is still on a screen, else at the top
 * centre of the screen the driver picks (by default a second screen when there is one), below the menu and tool
 * bars of any workbench window on that screen. The pick is a setting on the overlay's menu.
 */
final class OverlayPlacement {
    /** The preference: {@link #AUTO}, or the screen's number from 1. */
    static final String MONITOR = "overlay.monitor";
    static final String AUTO = "auto";
    private static final int GAP = 8;

    private OverlayPlacement() {
    }

    /** Places {@code overlay}: at {@code saved} (null when never moved) if that is on a screen, else first time. */
    static void place(Shell overlay, Point saved, UiPreferences prefs) {
        Display display = overlay.getDisplay();
        Rectangle size = overlay.getBounds();
        if (saved != null && onScreen(display, new Rectangle(saved.x, saved.y, size.width, size.height))) {
            overlay.setLocation(saved);
            return;
        }
        overlay.setLocation(firstPlace(screens(display), primary(display), prefs.get(MONITOR, AUTO),
                new Point(size.width, size.height), workbenchTops(overlay)));
    }

    /**
     * The first place of a window of {@code size}: the top centre of the chosen screen, moved down below any of
     * {@code avoid} (the workbench's menus and tool bars) that it would cover.
     */
    static Point firstPlace(List<Rectangle> screens, int primary, String choice, Point size, List<Rectangle> avoid) {
        Rectangle screen = screens.get(chosen(screens.size(), primary, choice));
        Rectangle at = new Rectangle(screen.x + Math.max(0, (screen.width - size.x) / 2), screen.y + GAP, size.x,
                size.y);
        for (Rectangle top : avoid) {
            if (top.intersects(at)) {
                at.y = Math.max(at.y, top.y + top.height + GAP);
            }
        }
        return new Point(at.x, Math.min(at.y, screen.y + Math.max(0, screen.height - size.y)));
    }

    /** The index of the chosen screen: the numbered one if it exists, else a second screen, else the primary. */
    static int chosen(int count, int primary, String choice) {
        try {
            int n = Integer.parseInt(choice);
            if (n >= 1 && n <= count) {
                return n - 1;
            }
        } catch (NumberFormatException e) {
            // auto, or a screen that has gone: as auto
        }
        return count > 1 ? (primary == 0 ? 1 : 0) : 0;
    }

    /** Adds "Open on screen" to the overlay's menu: picking one moves the overlay there and remembers it. */
    static void addMenu(Menu menu, Shell overlay, UiPreferences prefs, Runnable saveWindow) {
        MenuItem item = new MenuItem(menu, SWT.CASCADE);
        item.setText("Open on screen");
        Menu screens = new Menu(item);
        item.setMenu(screens);
        screens.addListener(SWT.Show, e -> {
            for (MenuItem old : screens.getItems()) {
                old.dispose();
            }
            int count = overlay.getDisplay().getMonitors().length;
            for (int n = 0; n <= count; n++) {
                String choice = n == 0 ? AUTO : Integer.toString(n);
                MenuItem pick = new MenuItem(screens, SWT.RADIO);
                pick.setText(n == 0 ? "Second screen when there is one" : "Screen " + n);
                pick.setSelection(choice.equals(prefs.get(MONITOR, AUTO)));
                pick.addListener(SWT.Selection, s -> {
                    if (pick.getSelection()) {
                        prefs.put(MONITOR, choice);
                        place(overlay, null, prefs);
                        saveWindow.run();
                    }
                });
            }
        });
    }

    private static List<Rectangle> screens(Display display) {
        List<Rectangle> screens = new ArrayList<>();
        for (Monitor m : display.getMonitors()) {
            screens.add(m.getClientArea());
        }
        return screens;
    }

    private static int primary(Display display) {
        Monitor[] monitors = display.getMonitors();
        for (int i = 0; i < monitors.length; i++) {
            if (monitors[i].equals(display.getPrimaryMonitor())) {
                return i;
            }
        }
        return 0;
    }

    private static boolean onScreen(Display display, Rectangle window) {
        for (Monitor m : display.getMonitors()) {
            Rectangle visible = m.getClientArea().intersection(window);
            if (visible.width >= window.width / 4 && visible.height >= window.height / 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * The menu and tool bars of the other windows: from a window's top down to the bottom of the strips along the
     * top of its client area (e4 puts its trim bars there, the parts below them).
     */
    private static List<Rectangle> workbenchTops(Shell overlay) {
        List<Rectangle> tops = new ArrayList<>();
        for (Shell shell : overlay.getDisplay().getShells()) {
            if (shell == overlay || !shell.isVisible()) {
                continue;
            }
            Rectangle client = shell.getClientArea();
            int bottom = client.y;
            for (Control c : shell.getChildren()) {
                Rectangle b = c.getBounds();
                if (c.isVisible() && b.y <= client.y && b.height < client.height / 4) {
                    bottom = Math.max(bottom, b.y + b.height);
                }
            }
            Rectangle outer = shell.getBounds();
            int y = shell.toDisplay(0, bottom).y;
            tops.add(new Rectangle(outer.x, outer.y, outer.width, y - outer.y));
        }
        return tops;
    }
}
