package org.pitbox.ui.overlay;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.pitbox.ui.services.UiPreferences;

/** Which widgets show, where, whether the overlay is locked and where the window sits; kept in preferences. */
final class OverlayLayout {
    private static final String PREFIX = "overlay.";
    private static final String LOCKED = PREFIX + "locked";
    private static final String WINDOW = PREFIX + "window";

    private final UiPreferences prefs;
    private final Rectangle[] bounds = new Rectangle[OverlayWidget.values().length];
    private final boolean[] shown = new boolean[bounds.length];
    private boolean locked;
    private int version;

    OverlayLayout(UiPreferences prefs) {
        this.prefs = prefs;
        for (OverlayWidget w : OverlayWidget.values()) {
            bounds[w.ordinal()] = new Rectangle(w.x, w.y, w.width, w.height);
            shown[w.ordinal()] = true;
            String[] saved = prefs.get(key(w), "").split(",");
            if (saved.length == 3) {
                bounds[w.ordinal()].x = parse(saved[0], w.x);
                bounds[w.ordinal()].y = parse(saved[1], w.y);
                shown[w.ordinal()] = !"0".equals(saved[2]);
            }
        }
        locked = Boolean.parseBoolean(prefs.get(LOCKED, "false"));
    }

    Rectangle bounds(OverlayWidget w) {
        return bounds[w.ordinal()];
    }

    boolean shown(OverlayWidget w) {
        return shown[w.ordinal()];
    }

    void show(OverlayWidget w, boolean on) {
        shown[w.ordinal()] = on;
        version++;
        save(w);
    }

    void moveTo(OverlayWidget w, int x, int y) {
        bounds[w.ordinal()].x = Math.max(0, x);
        bounds[w.ordinal()].y = Math.max(0, y);
        version++;
    }

    /** Changes with every move, lock or widget switch, so painters know when to redo what they keep. */
    int version() {
        return version;
    }

    /** The shown widget under a point, or null. */
    OverlayWidget at(int x, int y) {
        for (OverlayWidget w : OverlayWidget.values()) {
            if (shown(w) && bounds(w).contains(x, y)) {
                return w;
            }
        }
        return null;
    }

    boolean locked() {
        return locked;
    }

    void setLocked(boolean on) {
        locked = on;
        version++;
        prefs.put(LOCKED, Boolean.toString(on));
    }

    /** The saved window position, or null. */
    Point window() {
        String[] saved = prefs.get(WINDOW, "").split(",");
        return saved.length == 2 ? new Point(parse(saved[0], 0), parse(saved[1], 0)) : null;
    }

    void saveWindow(Point at) {
        prefs.put(WINDOW, at.x + "," + at.y);
    }

    void save(OverlayWidget w) {
        Rectangle b = bounds(w);
        prefs.put(key(w), b.x + "," + b.y + "," + (shown(w) ? 1 : 0));
    }

    private static String key(OverlayWidget w) {
        return PREFIX + w.name().toLowerCase();
    }

    private static int parse(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
