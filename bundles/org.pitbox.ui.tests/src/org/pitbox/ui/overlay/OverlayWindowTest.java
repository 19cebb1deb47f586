package org.pitbox.ui.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.pit.IracingPitControl;
import org.pitbox.app.pit.PitControl;
import org.pitbox.core.live.LinkLevel;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.demo.Screenshots;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.UiBenchmark;

/** The overlay on its own: the PIT box's buttons and keys, click-through, the link line, and its paint cost. */
class OverlayWindowTest {
    private final Display display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
    private final List<String> sent = new ArrayList<>();
    private OverlayWindow overlay;
    private Shell below;

    /** Records what the overlay asks for; tear-off fails, as a send can. */
    private final PitControl recorder = new PitControl() {
        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public void fuel(int litres) {
            sent.add("fuel " + litres);
        }

        @Override
        public void tyres(Set<Corner> corners) {
            sent.add("tyres " + new TreeSet<>(corners));
        }

        @Override
        public void tearOff() {
            throw new IllegalStateException("the sim did not answer");
        }

        @Override
        public void fastRepair() {
            sent.add("fast repair");
        }

        @Override
        public void clear() {
            sent.add("clear");
        }
    };

    @AfterEach
    void close() {
        if (overlay != null && overlay.shell() != null) {
            overlay.setLocked(false);
            overlay.shell().dispose();
        }
        if (below != null) {
            below.dispose();
        }
    }

    @Test
    void lockedPitButtonsAndKeysCallTheControl() {
        overlay = new OverlayWindow(new ActiveFeed(), recorder);
        overlay.show();
        overlay.setLocked(true);
        settle(300);
        for (PitButton b : List.of(PitButton.FUEL, PitButton.MORE, PitButton.MORE, PitButton.FUEL, PitButton.LF,
                PitButton.ALL, PitButton.FAST_REPAIR, PitButton.CLEAR)) {
            press(b);
        }
        assertEquals(List.of("fuel 0", "fuel 2", "tyres [LF]", "tyres [LF, RF, LR, RR]", "fast repair", "clear"),
                sent);
        assertEquals("Sent: clear all pit requests", overlay.pitBox().status());
        press(PitButton.TEAR_OFF);
        assertEquals("Not sent: the sim did not answer", overlay.pitBox().status(), "a failed send shows in the box");
        sent.clear();
        key('t');
        key('f');
        assertEquals(List.of("tyres [LF, RF, LR, RR]", "fuel 0"), sent, "Ctrl+Shift+T and F");
        key('l');
        assertTrue(!overlay.locked(), "Ctrl+Shift+L unlocks");
        sent.clear();
        press(PitButton.FUEL);
        assertEquals(List.of(), sent, "unlocked, a press only starts a drag");
    }

    @Test
    void theEngineersPlanWaitsForFuelAndTheRatingKeysRateTheLastHint() {
        overlay = new OverlayWindow(new ActiveFeed(), recorder);
        List<String> ratings = new ArrayList<>();
        overlay.onRate(rating -> {
            ratings.add(rating);
            overlay.note("Rated the lap 3 hint " + rating, true);
        });
        overlay.show();
        overlay.pitPlan(new LiveControl.PitPlan(27.4, List.of("lf", "rf"), false, "card-1"), "Eli");
        settle(300);
        assertEquals("Eli's plan: add 28 L, tyres LF RF. Fuel (Ctrl+Shift+F) sends it", overlay.pitBox().status());
        Screenshots.save(overlay.shell(), TestScreenshots.check("overlay-pit-plan.png"));
        assertEquals(List.of(), sent, "nothing sent before the driver confirms");
        key('f');
        assertEquals(List.of("fuel 28", "tyres [LF, RF]"), sent, "Ctrl+Shift+F sends the plan");
        key('u');
        key('w');
        assertEquals(List.of("useful", "wrong"), ratings, "Ctrl+Shift+U and W");
        assertEquals("Rated the lap 3 hint wrong", overlay.pitBox().status(), "the box shows the rating was sent");
    }

    @Test
    void withoutWindowsTheButtonsSayWhyTheyAreOff() {
        overlay = new OverlayWindow(new ActiveFeed());
        overlay.show();
        overlay.setLocked(true);
        settle(300);
        String reason = IracingPitControl.NOT_WINDOWS;
        assertEquals(reason, overlay.pitBox().status(), "the reason is the box's status line");
        press(PitButton.FUEL);
        assertEquals(reason, overlay.pitBox().status());
        Rectangle pit = overlay.bounds(OverlayWidget.PIT);
        Point at = new Point(pit.x + PitButton.FUEL.x + 5, pit.y + PitButton.FUEL.y + 5);
        mouse(SWT.MouseMove, at);
        assertEquals(reason, canvas().getToolTipText(), "and the tooltip over the box");
        ImageData shot = paint();
        assertTrue(some(shot, pit.x + 10, pit.y + PitButton.STATUS_Y, 190, 14, new RGB(250, 200, 30)),
                "the reason is drawn in amber");
    }

    @Test
    void linkLineShowsItsLevel() {
        overlay = new OverlayWindow(new ActiveFeed(), recorder);
        overlay.show();
        settle(100);
        Rectangle radio = overlay.bounds(OverlayWidget.RADIO);
        overlay.model().setLink("LIVE  4.2 kB/s", LinkLevel.OK);
        assertEquals(new RGB(40, 210, 90), dot(paint(), radio), "a green dot for a live link");
        overlay.model().setLink("Spool full: oldest data dropped", LinkLevel.BAD);
        ImageData shot = paint();
        assertEquals(new RGB(235, 50, 50), dot(shot, radio), "a red one for lost data");
        assertTrue(some(shot, radio.x + 24, radio.y + 6, 180, 28, new RGB(235, 50, 50)), "its text in red too");
    }

    @Test
    void coachLineShowsInYellowInsteadOfTheRadio() throws Exception {
        overlay = new OverlayWindow(new ActiveFeed(), recorder);
        overlay.show();
        overlay.showMessage("Box this lap");
        overlay.model().setCoach("Turn 1: braked 35 m later than your best, lost 0.52 s", "rule-based",
                System.currentTimeMillis());
        settle(300);
        Rectangle radio = overlay.bounds(OverlayWidget.RADIO);
        assertTrue(some(paint(), radio.x + 10, radio.y + 30, radio.width - 20, radio.height - 40,
                new RGB(250, 200, 30)), "the hint in yellow");
        Screenshots.save(overlay.shell(), TestScreenshots.file("overlay-coach.png"));
    }

    /**
     * Locked, a click outside the PIT box reaches the window below (GTK's input shape); unlocked, the overlay
     * takes it. Real pointer events through the X server, which route by the pointer (SWT under Xvfb does not
     * report where such a posted click landed, so pressing buttons is tested with events to the canvas).
     */
    @Test
    void lockedOverlayLetsClicksThrough() {
        if (!ClickThrough.supported()) {
            System.out.println("overlay: click-through is not supported on " + SWT.getPlatform());
            return;
        }
        overlay = new OverlayWindow(new ActiveFeed(), recorder);
        List<String> clicks = new ArrayList<>();
        below = new Shell(display, SWT.NO_TRIM);
        below.setBounds(0, 0, 1200, 400);
        below.addListener(SWT.MouseDown, e -> clicks.add("below"));
        below.open();
        settle(200);
        overlay.show();
        overlay.shell().setLocation(20, 20);
        canvas().addListener(SWT.MouseDown, e -> clicks.add("overlay"));
        overlay.setLocked(true);
        settle(300);
        Rectangle delta = overlay.bounds(OverlayWidget.DELTA);
        Point onDelta = canvas().toDisplay(delta.x + 20, delta.y + 20);
        Rectangle pit = overlay.bounds(OverlayWidget.PIT);
        Point onFuel = canvas().toDisplay(pit.x + PitButton.FUEL.x + 5, pit.y + PitButton.FUEL.y + 5);
        click(onDelta);
        click(onFuel);
        overlay.setLocked(false);
        settle(200);
        click(onDelta);
        assertEquals(List.of("below", "overlay", "overlay"), clicks);
    }

    /**
     * A real .ibt replayed (at 2x until a lap gives a delta, then in real time; the simulator when the recordings
     * are absent) keeps the overlay painting, and its paints allocate next to nothing: counted from a display
     * filter, which runs before the overlay's paint listener, to a listener added after it. Under
     * {@code ./pitbox benchmark ui} the paints are also timed, for longer, and the full repaint offscreen.
     */
    @Test
    void paintsTheReplayWithoutGarbage() throws Exception {
        Path ibt = Path.of("..", "..", "..", "shared", "data", "iracing", "ibt",
                "robroberts_skmodified_langley_2015-05-28_14-50-46.ibt").toAbsolutePath().normalize();
        boolean real = Files.isRegularFile(ibt);
        ActiveFeed feed = new ActiveFeed();
        feed.start(source(real ? "*IbtReplay*" : "*Simulator*"), real ? ibt : null);
        try {
            overlay = new OverlayWindow(feed);
            overlay.show();
            overlay.showMessage("Box this lap");
            OverlayModel model = overlay.model();
            // 2x: the 91 s recording lasts 45 s, its first whole lap (which gives the delta) ends after 17 s
            feed.feed().replayControl().ifPresent(r -> r.speed(2.0));
            for (long end = System.currentTimeMillis() + 40_000; System.currentTimeMillis() < end
                    && (Double.isNaN(model.delta()) || !(model.speed() > 1) || !(model.lapTime() > 0)); ) {
                settle(200);
            }
            feed.feed().replayControl().ifPresent(r -> r.speed(1.0));
            settle(1000);
            Screenshots.save(overlay.shell(), TestScreenshots.file("overlay-replay.png"));
            watchPaints(UiBenchmark.enabled() ? 15 : 5);
            if (UiBenchmark.enabled()) {
                timeFullPaint();
            }
        } finally {
            feed.stop();
        }
    }

    private void watchPaints(int seconds) {
        Canvas canvas = canvas();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[4000];
        long[] bytes = new long[nanos.length];
        long[] start = new long[2];
        int[] n = {0};
        Listener begin = e -> {
            if (e.widget == canvas) {
                start[1] = threads.getCurrentThreadAllocatedBytes();
                start[0] = System.nanoTime();
            }
        };
        Listener end = e -> {
            long t = System.nanoTime() - start[0];
            long b = threads.getCurrentThreadAllocatedBytes() - start[1];
            if (n[0] < nanos.length) {
                nanos[n[0]] = t;
                bytes[n[0]++] = b;
            }
        };
        display.addFilter(SWT.Paint, begin);
        canvas.addListener(SWT.Paint, end);
        try {
            settle(seconds * 1000L);
        } finally {
            display.removeFilter(SWT.Paint, begin);
            canvas.removeListener(SWT.Paint, end);
        }
        int frames = n[0];
        long total = Arrays.stream(bytes, 0, frames).sum();
        long[] sorted = Arrays.copyOf(nanos, frames);
        Arrays.sort(sorted);
        assertTrue(frames > 10, "the replay kept the overlay painting: " + frames + " paints");
        if (UiBenchmark.enabled()) {
            UiBenchmark.report(String.format(Locale.ROOT, "overlay frames: %d paints in %d s, p50 %.3f ms, p99 %.3f "
                    + "ms, max %.3f ms; %.1f bytes allocated per paint, by %d of them", frames, seconds,
                    sorted[frames / 2] / 1e6, sorted[frames * 99 / 100] / 1e6, sorted[frames - 1] / 1e6,
                    total / (double) frames, Arrays.stream(bytes, 0, frames).filter(b -> b > 0).count()));
        }
        assertTrue(total / frames < 256, "paints allocate next to nothing: " + total / frames + " bytes each");
    }

    private void timeFullPaint() {
        Rectangle area = overlay.shell().getClientArea();
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(image);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int runs = 500;
        long[] nanos = new long[runs];
        try {
            for (int i = 0; i < 100; i++) {
                overlay.paint(gc, area);
            }
            long bytes = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                overlay.paint(gc, area);
                nanos[i] = System.nanoTime() - start;
            }
            bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
            Arrays.sort(nanos);
            UiBenchmark.report(String.format(Locale.ROOT, "overlay full repaint (offscreen): p50 %.3f ms, p99 %.3f "
                    + "ms, %d bytes per paint", nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6, bytes / runs));
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static TelemetrySource source(String componentName) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(OverlayWindowTest.class).getBundleContext();
        return context.getServiceReferences(TelemetrySource.class, "(component.name=" + componentName + ")")
                .stream().map(context::getService).findFirst().orElseThrow();
    }

    private Canvas canvas() {
        return (Canvas) overlay.shell().getChildren()[0];
    }

    /** A left click on a PIT button, sent to the canvas as the window would. */
    private void press(PitButton b) {
        Rectangle pit = overlay.bounds(OverlayWidget.PIT);
        Point at = new Point(pit.x + b.x + b.width / 2, pit.y + b.y + b.height / 2);
        mouse(SWT.MouseDown, at);
        mouse(SWT.MouseUp, at);
    }

    private void mouse(int type, Point at) {
        Event e = new Event();
        e.button = type == SWT.MouseMove ? 0 : 1;
        e.x = at.x;
        e.y = at.y;
        canvas().notifyListeners(type, e);
    }

    /** Ctrl+Shift and a letter, through the display's filters as a key press in any window is. */
    private void key(char c) {
        Event e = new Event();
        e.keyCode = c;
        e.character = c;
        e.stateMask = SWT.MOD1 | SWT.MOD2;
        canvas().notifyListeners(SWT.KeyDown, e);
    }

    private void click(Point screen) {
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = screen.x;
        move.y = screen.y;
        display.post(move);
        settle(150);
        for (int type : new int[] {SWT.MouseDown, SWT.MouseUp}) {
            Event e = new Event();
            e.type = type;
            e.button = 1;
            display.post(e);
        }
        settle(300);
    }

    /** The overlay as a full repaint draws it, offscreen. */
    private ImageData paint() {
        Rectangle area = overlay.shell().getClientArea();
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(image);
        try {
            overlay.paint(gc, area);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** The colour in the middle of the link's dot. */
    private static RGB dot(ImageData shot, Rectangle radio) {
        return shot.palette.getRGB(shot.getPixel(radio.x + 14, radio.y + 14));
    }

    /** Whether any pixel of the area is within a small distance of {@code colour}. */
    private static boolean some(ImageData shot, int x, int y, int width, int height, RGB colour) {
        for (int j = y; j < y + height; j++) {
            for (int i = x; i < x + width; i++) {
                RGB c = shot.palette.getRGB(shot.getPixel(i, j));
                if (Math.abs(c.red - colour.red) + Math.abs(c.green - colour.green)
                        + Math.abs(c.blue - colour.blue) < 40) {
                    return true;
                }
            }
        }
        return false;
    }

    private void settle(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }
}
