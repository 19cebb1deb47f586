package org.pitbox.ui.overlay;

import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Region;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.overlay.ShiftLights;
import org.pitbox.app.pit.IracingPitControl;
import org.pitbox.app.pit.PitBox;
import org.pitbox.app.pit.PitControl;
import org.pitbox.app.pit.PitRequest;
import org.pitbox.app.units.Units;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.ui.services.UiPreferences;

/**
 * The driver overlay: an undecorated, always-on-top, translucent window over the sim. A timer on the UI thread
 * polls the active feed at most at display rate, updates the model and redraws what changed; nothing else
 * repaints it. Unlocked, widgets drag to new places and the window drags by its background; locked, the PIT box's
 * buttons take clicks and, where the platform allows ({@link ClickThrough}), the rest lets clicks through to the
 * sim. The right-click menu locks it and turns widgets on and off; all of it is remembered.
 * <p>
 * Keys work while the overlay or the workbench has focus: Ctrl+Shift+O shows and hides it (a command binding),
 * Ctrl+Shift+L locks it, Ctrl+Shift+F, T and R ask for fuel, four tyres and a tear-off (Fuel also sends an
 * engineer's waiting pit plan), Ctrl+Shift+U and W rate the coach's last hint useful or wrong. Keys that work while the
 * sim has focus would need a system-wide hotkey, which SWT lacks and which needs native code per platform.
 * One per workbench, made by the AppServices add-on.
 */
public class OverlayWindow {
    public static final String TITLE = "PitBox Overlay";
    private static final int FRAME_MILLIS = 16;
    private static final int ALPHA = 215;
    private static final int WIDTH = 1088;
    private static final int HEIGHT = 300;

    private final ActiveFeed activeFeed;
    private final UiPreferences prefs = new UiPreferences();
    private final OverlayModel model = new OverlayModel();
    private final OverlayLayout layout = new OverlayLayout(prefs);
    private final PitBox pit;
    private final Runnable tick = this::tick;
    private final Listener keys = this::key;
    private Shell shell;
    private Canvas canvas;
    private OverlayPainter painter;
    private Region clickable;
    private LiveFeed shownFeed;
    private Frame frame;
    private OverlayWidget dragged;
    private Point dragFrom;
    private String tip;
    private boolean ticking;
    private Consumer<String> rater = rating -> note("No team session: sign in and stream to rate hints", false);

    /** The overlay with pit requests going to iRacing. */
    @Inject
    public OverlayWindow(ActiveFeed activeFeed) {
        this(activeFeed, new IracingPitControl());
    }

    public OverlayWindow(ActiveFeed activeFeed, PitControl pitControl) {
        this.activeFeed = activeFeed;
        this.pit = new PitBox(pitControl);
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
        follow();
        shell.setVisible(true);
        limitClicks();
    }

    /** Reads the car from now on (laps, best lap, fuel) without showing the overlay; show() does this too. */
    public void follow() {
        if (shell == null || shell.isDisposed()) {
            create(Display.getCurrent());
        }
        if (!ticking) {
            ticking = true;
            shell.getDisplay().timerExec(FRAME_MILLIS, tick);
        }
    }

    /** The latest radio or coach message, shown from the next frame; call on the UI thread. */
    public void showMessage(String text) {
        model.setMessage(text);
    }

    /** The engineer's pit stop, set in the PIT box until the driver sends it with Fuel; call on the UI thread. */
    public void pitPlan(LiveControl.PitPlan plan, String fromName) {
        pit.plan(plan, fromName);
    }

    /** Who sends the rating keys' ratings ({@code useful}, {@code wrong}) of the coach's last hint. */
    public void onRate(Consumer<String> rater) {
        this.rater = rater;
    }

    /** A sentence in the PIT box's status line for a few seconds (a rating sent); call on the UI thread. */
    public void note(String text, boolean ok) {
        pit.note(text, ok, System.currentTimeMillis());
    }

    /** The figures shown, for tests and for callers that want the same numbers. */
    public OverlayModel model() {
        return model;
    }

    /** The window, null before the first {@link #show()}. */
    public Shell shell() {
        return shell;
    }

    public boolean locked() {
        return layout.locked();
    }

    /** Locked, the widgets stay put, the PIT box's buttons work and clicks elsewhere go to the sim. */
    public void setLocked(boolean on) {
        layout.setLocked(on);
        limitClicks();
    }

    /** Where a widget sits in the window, for tests. */
    Rectangle bounds(OverlayWidget w) {
        return layout.bounds(w);
    }

    /** The PIT box behind the buttons, for tests. */
    PitBox pitBox() {
        return pit;
    }

    private void create(Display display) {
        shell = new Shell(display, SWT.NO_TRIM | SWT.ON_TOP | SWT.TOOL);
        shell.setText(TITLE);
        shell.setAlpha(ALPHA);
        shell.setSize(WIDTH, HEIGHT);
        OverlayPlacement.place(shell, layout.window(), prefs);
        painter = new OverlayPainter(display);
        clickable = new Region(display);
        shell.setLayout(new FillLayout());
        canvas = new Canvas(shell, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addListener(SWT.Paint, e -> painter.paint(e.gc, e.x, e.y, e.width, e.height, model, layout, pit));
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseUp, this::mouseUp);
        canvas.setMenu(menu());
        display.addFilter(SWT.KeyDown, keys);
        shell.addListener(SWT.Dispose, e -> {
            display.removeFilter(SWT.KeyDown, keys);
            painter.dispose();
            clickable.dispose();
        });
    }

    private Menu menu() {
        Menu menu = new Menu(canvas);
        MenuItem lock = new MenuItem(menu, SWT.CHECK);
        lock.setText("Lock position\tCtrl+Shift+L");
        lock.addListener(SWT.Selection, e -> setLocked(lock.getSelection()));
        menu.addListener(SWT.Show, e -> lock.setSelection(layout.locked()));
        new MenuItem(menu, SWT.SEPARATOR);
        for (OverlayWidget w : OverlayWidget.values()) {
            MenuItem item = new MenuItem(menu, SWT.CHECK);
            item.setText(w.label);
            item.setSelection(layout.shown(w));
            item.addListener(SWT.Selection, e -> {
                layout.show(w, item.getSelection());
                limitClicks();
            });
        }
        OverlayPlacement.addMenu(menu, shell, prefs, () -> layout.saveWindow(shell.getLocation()));
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem hide = new MenuItem(menu, SWT.PUSH);
        hide.setText("Hide overlay\tCtrl+Shift+O");
        hide.addListener(SWT.Selection, e -> shell.setVisible(false));
        return menu;
    }

    /** Locked, only the PIT box takes clicks (none when it is hidden); unlocked, the whole window does. */
    private void limitClicks() {
        if (shell == null || shell.isDisposed()) {
            return;
        }
        if (!layout.locked()) {
            ClickThrough.limit(shell, null);
            return;
        }
        clickable.subtract(clickable);
        if (layout.shown(OverlayWidget.PIT)) {
            clickable.add(layout.bounds(OverlayWidget.PIT));
        }
        ClickThrough.limit(shell, clickable);
    }

    /**
     * One display frame: read the newest row if there is one, update the model, redraw what changed. The model
     * follows the car while the overlay is hidden too, so laps and fuel use are there when it shows again.
     */
    private void tick() {
        if (shell == null || shell.isDisposed()) {
            ticking = false;
            return;
        }
        LiveFeed feed = activeFeed.feed();
        if (feed != shownFeed || (feed != null && feed.layout() != frame.layout())) {
            bind(feed);
        }
        if (feed != null && feed.readLatest(frame)) {
            model.update(frame);
        }
        if (shell.isVisible()) {
            pit.tick(System.currentTimeMillis());
            painter.refresh(canvas, model, layout, pit);
        }
        shell.getDisplay().timerExec(FRAME_MILLIS, tick);
    }

    private void bind(LiveFeed feed) {
        shownFeed = feed;
        frame = feed == null ? null : new Frame(feed.layout());
        Units units = new Units(prefs.imperial());
        model.setUnits(units.speed(1), units.fuel(1));
        painter.setUnits(units.speedUnit(), units.fuelUnit());
        if (feed != null) {
            ShiftLights.of(feed.sessionInfoYaml()).ifPresent(s -> s.applyTo(model)); // else the defaults stay
        }
    }

    /** The overlay's keys, seen by a display filter so they work in the workbench too while the overlay shows. */
    private void key(Event e) {
        if ((e.stateMask & SWT.MODIFIER_MASK) != (SWT.MOD1 | SWT.MOD2) || !isVisible()) {
            return;
        }
        long now = System.currentTimeMillis();
        switch (Character.toLowerCase(e.keyCode)) {
            case 'f' -> pit.press(PitRequest.FUEL, model, now);
            case 't' -> pit.press(PitRequest.ALL, model, now);
            case 'r' -> pit.press(PitRequest.TEAR_OFF, model, now);
            case 'l' -> setLocked(!layout.locked());
            case 'u' -> rate("useful");
            case 'w' -> rate("wrong");
            default -> {
                return;
            }
        }
        e.doit = false;
        e.type = SWT.None;
    }

    private void rate(String rating) {
        note("Rating the coach's hint " + rating + "...", true);
        rater.accept(rating);
    }

    /** The PIT box's button under a point, when the box is shown there. */
    private PitButton button(int x, int y) {
        Rectangle b = layout.bounds(OverlayWidget.PIT);
        return layout.shown(OverlayWidget.PIT) && b.contains(x, y) ? PitButton.at(x - b.x, y - b.y) : null;
    }

    private void mouseDown(Event e) {
        if (e.button != 1) {
            return;
        }
        if (layout.locked()) {
            PitButton b = button(e.x, e.y);
            if (b != null) {
                pit.press(b.request(), model, System.currentTimeMillis());
            }
            return;
        }
        dragged = layout.at(e.x, e.y);
        dragFrom = dragged == null ? canvas.toDisplay(e.x, e.y) : new Point(e.x, e.y);
    }

    private void mouseMove(Event e) {
        if (dragFrom == null) {
            showTip(e.x, e.y);
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
        }
    }

    /** Over the PIT box: why its buttons are off, or (locked) what the button under the pointer does. */
    private void showTip(int x, int y) {
        String next = null;
        if (layout.shown(OverlayWidget.PIT) && layout.bounds(OverlayWidget.PIT).contains(x, y)) {
            PitButton b = button(x, y);
            next = !pit.enabled() ? pit.reason() : layout.locked() && b != null ? b.tip : null;
        }
        if (next != tip) {
            tip = next;
            canvas.setToolTipText(next);
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

    /** Paints the whole overlay into {@code gc} as a full repaint does; for measuring paint time. */
    public void paint(GC gc, Rectangle area) {
        painter.paintAll(gc, area.x, area.y, area.width, area.height, model, layout, pit);
    }
}
