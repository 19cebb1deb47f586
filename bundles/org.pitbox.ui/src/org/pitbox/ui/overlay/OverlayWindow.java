package org.pitbox.ui.overlay;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.sessioninfo.DriverInfo;
import org.pitbox.iracing.sessioninfo.SessionInfoParser;
import org.pitbox.ui.support.ActiveFeed;
import org.pitbox.ui.support.UiPreferences;
import org.pitbox.ui.support.Units;

/**
 * The driver overlay: an undecorated, always-on-top, translucent window over the sim. A timer on the UI thread
 * polls the active feed at most at display rate, updates the model and repaints; nothing else repaints it.
 * Unlocked, widgets drag to new places and the window drags by its background; the right-click menu locks it
 * and turns widgets on and off. All of it is remembered.
 */
@Creatable
@Singleton
public class OverlayWindow {
    public static final String TITLE = "PitBox Overlay";
    private static final int FRAME_MILLIS = 16;
    private static final int ALPHA = 215;
    private static final int WIDTH = 860;
    private static final int HEIGHT = 300;

    private final ActiveFeed activeFeed;
    private final UiPreferences prefs = new UiPreferences();
    private final OverlayModel model = new OverlayModel();
    private final OverlayLayout layout = new OverlayLayout(prefs);
    private final Runnable tick = this::tick;
    private Shell shell;
    private Canvas canvas;
    private OverlayPainter painter;
    private LiveFeed shownFeed;
    private Frame frame;
    private OverlayWidget dragged;
    private Point dragFrom;

    @Inject
    public OverlayWindow(ActiveFeed activeFeed) {
        this.activeFeed = activeFeed;
    }

    /** Shows the overlay when hidden, hides it when shown. */
    public void toggle() {
        if (isVisible()) {
            shell.setVisible(false);
        } else {
            show();
        }
    }

    public boolean isVisible() {
        return shell != null && !shell.isDisposed() && shell.isVisible();
    }

    public void show() {
        if (shell == null || shell.isDisposed()) {
            create(Display.getCurrent());
        }
        shell.setVisible(true);
        shell.getDisplay().timerExec(FRAME_MILLIS, tick);
    }

    /** The latest radio or coach message; call on the UI thread. */
    public void showMessage(String text) {
        model.setMessage(text);
        if (isVisible()) {
            canvas.redraw();
        }
    }

    /** The figures shown, for tests and for callers that want the same numbers. */
    public OverlayModel model() {
        return model;
    }

    /** The window, null before the first {@link #show()}. */
    public Shell shell() {
        return shell;
    }

    private void create(Display display) {
        shell = new Shell(display, SWT.NO_TRIM | SWT.ON_TOP | SWT.TOOL);
        shell.setText(TITLE);
        shell.setAlpha(ALPHA);
        shell.setSize(WIDTH, HEIGHT);
        Point at = layout.window();
        if (at != null) {
            shell.setLocation(at);
        }
        painter = new OverlayPainter(display);
        shell.setLayout(new FillLayout());
        canvas = new Canvas(shell, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addListener(SWT.Paint, e -> painter.paint(e.gc, model, layout, canvas.getClientArea()));
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseUp, this::mouseUp);
        canvas.setMenu(menu());
        shell.addListener(SWT.Dispose, e -> painter.dispose());
    }

    private Menu menu() {
        Menu menu = new Menu(canvas);
        MenuItem lock = new MenuItem(menu, SWT.CHECK);
        lock.setText("Lock position");
        lock.setSelection(layout.locked());
        lock.addListener(SWT.Selection, e -> {
            layout.setLocked(lock.getSelection());
            canvas.redraw();
        });
        new MenuItem(menu, SWT.SEPARATOR);
        for (OverlayWidget w : OverlayWidget.values()) {
            MenuItem item = new MenuItem(menu, SWT.CHECK);
            item.setText(w.label);
            item.setSelection(layout.shown(w));
            item.addListener(SWT.Selection, e -> {
                layout.show(w, item.getSelection());
                canvas.redraw();
            });
        }
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem hide = new MenuItem(menu, SWT.PUSH);
        hide.setText("Hide overlay\tCtrl+Shift+O");
        hide.addListener(SWT.Selection, e -> shell.setVisible(false));
        return menu;
    }

    /** One display frame: read the newest row if there is one, update the model, repaint. */
    private void tick() {
        if (!isVisible()) {
            return;
        }
        LiveFeed feed = activeFeed.feed();
        if (feed != shownFeed || (feed != null && feed.layout() != frame.layout())) {
            bind(feed);
        }
        if (feed != null && feed.readLatest(frame)) {
            model.update(frame);
            canvas.redraw();
        }
        shell.getDisplay().timerExec(FRAME_MILLIS, tick);
    }

    private void bind(LiveFeed feed) {
        shownFeed = feed;
        frame = feed == null ? null : new Frame(feed.layout());
        Units units = new Units(prefs.imperial());
        model.setUnits(units.speed(1), units.fuel(1));
        painter.setUnits(units.speedUnit(), units.fuelUnit());
        if (feed != null && !feed.sessionInfoYaml().isBlank()) {
            try {
                DriverInfo car = SessionInfoParser.parse(feed.sessionInfoYaml()).driverInfo();
                model.setShiftRpm(car.shiftLightFirstRpm(), car.shiftLightShiftRpm(), car.shiftLightBlinkRpm());
            } catch (RuntimeException e) {
                // no usable session info: the default shift points stay
            }
        }
    }

    private void mouseDown(Event e) {
        if (e.button != 1 || layout.locked()) {
            return;
        }
        dragged = layout.at(e.x, e.y);
        dragFrom = dragged == null ? canvas.toDisplay(e.x, e.y) : new Point(e.x, e.y);
    }

    private void mouseMove(Event e) {
        if (dragFrom == null) {
            return;
        }
        if (dragged == null) {
            Point now = canvas.toDisplay(e.x, e.y);
            Point at = shell.getLocation();
            shell.setLocation(at.x + now.x - dragFrom.x, at.y + now.y - dragFrom.y);
            dragFrom = now;
        } else {
            Rectangle b = layout.bounds(dragged);
            layout.moveTo(dragged, b.x + e.x - dragFrom.x, b.y + e.y - dragFrom.y);
            dragFrom = new Point(e.x, e.y);
            canvas.redraw();
        }
    }

    private void mouseUp(Event e) {
        if (dragFrom == null) {
            return;
        }
        if (dragged == null) {
            layout.saveWindow(shell.getLocation());
        } else {
            layout.save(dragged);
        }
        dragFrom = null;
        dragged = null;
    }

    /** Paints the overlay into {@code gc} as the window does; for measuring paint time. */
    public void paint(GC gc, Rectangle area) {
        painter.paint(gc, model, layout, area);
    }
}
