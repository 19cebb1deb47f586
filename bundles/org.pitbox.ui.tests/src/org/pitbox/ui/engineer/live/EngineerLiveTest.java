package org.pitbox.ui.engineer.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.settle;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.live.ClipPlayer;
import org.pitbox.app.team.TeamSession;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.demo.Screenshots;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.ui.tests.Fits;
import org.pitbox.ui.tests.TestDemoServer;
import org.pitbox.ui.tests.TestDriver;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;
import org.pitbox.ui.tests.UiBenchmark;
import org.pitbox.ui.widgets.TextFit;
import org.pitbox.ui.widgets.VideoCanvas;
import org.pitbox.video.VideoPicture;
import org.pitbox.video.VideoSettings;

/**
 * The Team Live part against a real server (the demo server's jar, started as a process): a simulated driver
 * streams five laps of Martinsville at once, the engineer signs in, watches the session from the part, and the
 * lap table fills in with sector times and fuel figures. Then the driver streams at 60 Hz in real time; under
 * {@code ./pitbox benchmark ui} the UI thread's CPU time is measured meanwhile (goal: under 5 % of one core).
 * Last, every row of the part shows at 2560 x 1440 and at the default 1280 x 720, where the screenshots are taken.
 */
class EngineerLiveTest {
    private static final String PASSWORD = TestDemoServer.PASSWORD;
    private static final int LAPS = 8;
    /** Laps streamed as fast as the publisher takes them; the rest follow at 60 Hz in real time. */
    private static final int FAST_LAPS = 5;
    private static final int MEASURE_SECONDS = 10;
    private static final int MEASURE_RUNS = 3;

    @TempDir
    Path dir;

    private final List<Throwable> failures = new ArrayList<>();
    private TestDemoServer server;
    private URI base;
    private volatile TestDriver driver;

    @Test
    void theLapTableFillsInFromALiveSessionAndTheChartsStayCheap() throws Exception {
        server = TestDemoServer.start(dir);
        base = server.base();
        try {
            TestWorkbench.checkSignedIn("team live check failed", failures, this::exercise);
        } finally {
            server.stop();
        }
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench) throws Exception {
        Shell shell = TestWorkbench.shell(app);
        EPartService parts = TestWorkbench.engineer(app);
        EngineerLivePart part = (EngineerLivePart) parts.showPart(EngineerLivePart.ID,
                EPartService.PartState.ACTIVATE).getObject();
        assertFalse(part.watchButton().isEnabled(), "Watch is disabled before sign-in");

        TeamSession team = app.getContext().get(TeamSession.class);
        team.signIn(base.toString(), "engineer@demo.pitbox", PASSWORD).get(30, TimeUnit.SECONDS);
        SimulatedRecording race = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(LAPS).withSeed(11));
        driver = server.driver("live-test-" + System.currentTimeMillis(), race, LAPS, FAST_LAPS, failures);
        await(display, () -> part.sessionChoice().getItemCount() > 0, 60, "the driver's session is listed");
        part.watchButton().notifyListeners(SWT.Selection, null);
        Table laps = part.lapTableControl();
        await(display, () -> laps.getItemCount() >= FAST_LAPS - 1, 120, "the lap table fills in");
        assertTrue(laps.getItem(0).getText(1).matches("\\d+:\\d\\d\\.\\d{3}"), "a lap time: "
                + laps.getItem(0).getText(1));
        for (int i = 0; i < laps.getItemCount() - 1; i++) { // the first lap the engineer saw is partial
            assertTrue(laps.getItem(i).getText(1).matches("\\d+:\\d\\d\\.\\d{3}"), "every lap whole: "
                    + java.util.Arrays.stream(laps.getItems()).map(r -> r.getText(0) + " " + r.getText(1)).toList());
        }
        assertTrue(laps.getItem(0).getText(2).matches("\\d+\\.\\d{3}"), "a sector time: "
                + laps.getItem(0).getText(2));
        await(display, () -> part.carFigure("Per lap").contains("avg"), 10, "fuel per lap shown");
        playsTheDriversClip(display, part);
        if (UiBenchmark.enabled()) {
            for (int run = 1; run <= MEASURE_RUNS; run++) {
                UiBenchmark.report(String.format(Locale.ROOT, "Team Live: UI thread %.2f %% of one core at 60 Hz"
                        + " input over %d s (%d x %d, run %d of %d)", uiCpuShare(display) * 100, MEASURE_SECONDS,
                        shell.getSize().x, shell.getSize().y, run, MEASURE_RUNS));
            }
        }
        showsTheDriversVideo(display, part);
        if (UiBenchmark.enabled()) {
            UiBenchmark.report(String.format(Locale.ROOT, "Team Live with the driver's video at 480p15: UI thread"
                    + " %.2f %% of one core at 60 Hz input over %d s (%d x %d, video %d x %d)",
                    uiCpuShare(display) * 100, MEASURE_SECONDS, shell.getSize().x, shell.getSize().y,
                    part.videoCanvas().control().getSize().x, part.videoCanvas().control().getSize().y));
        }
        showsEverythingAt(display, shell, part, 2560, 1440);
        showsEverythingAt(display, shell, part, 1280, 720); // the default size, for the screenshots
        display.setCursorLocation(1900, 1060); // off the window: no tooltip in the screenshot
        settle(display, 500);
        Screenshots.save(shell, TestScreenshots.file("engineer-live.png"));
        IThemeEngine themes = app.getChildren().get(0).getContext().get(IThemeEngine.class);
        themes.setTheme("org.pitbox.ui.theme.light", false);
        settle(display, 1000);
        Screenshots.save(shell, TestScreenshots.file("engineer-live-light.png"));
        themes.setTheme("org.pitbox.ui.theme.dark", false);
    }

    /**
     * The driver turns video on: it shows beside the track map, and the connection line says its size and rate.
     * Under the benchmark glass-to-glass is measured to the engineer's canvas at 720p30 first.
     */
    private void showsTheDriversVideo(Display display, EngineerLivePart part) {
        if (UiBenchmark.enabled()) {
            shows(display, part, VideoSettings.P720_30);
            UiBenchmark.report(glassToGlass(display, part.videoCanvas(), VideoSettings.P720_30));
            driver.stopVideo();
        }
        shows(display, part, VideoSettings.P480_15);
        takesTheVideoToAWindow(display, part);
    }

    /** A double-click takes the video to a window of its own, drawn large there, and closing it brings it back. */
    private void takesTheVideoToAWindow(Display display, EngineerLivePart part) {
        Canvas canvas = part.videoCanvas().control();
        canvas.notifyListeners(SWT.MouseDoubleClick, new Event());
        Shell window = part.videoWindow().shell();
        assertNotNull(window, "the video has a window of its own");
        assertSame(window, canvas.getParent());
        assertEquals("Driver's video: Demo Driver", window.getText(), "the window says whose view it is");
        long before = part.videoCanvas().drawn();
        await(display, () -> part.videoCanvas().drawn() > before + 10, 60, "the video is drawn in its window");
        assertTrue(canvas.getSize().x >= 1000, "the video is large in its window: " + canvas.getSize());
        display.setCursorLocation(1900, 1060); // no tooltip in the screenshot
        settle(display, 300);
        Screenshots.save(window, TestScreenshots.check("engineer-live-video-window.png"));
        window.close();
        assertNull(part.videoWindow().shell(), "the window is gone");
        assertTrue(window.isDisposed());
        assertNotSame(window, canvas.getParent());
        assertTrue(canvas.isVisible(), "the video is back beside the map");
        await(display, () -> canvas.getSize().x > 50, 10, "the video has its room beside the map again");
    }

    private void shows(Display display, EngineerLivePart part, VideoSettings settings) {
        long before = part.videoCanvas().drawn();
        await(display, () -> driver.sendVideo(settings), 30, "the driver sends video");
        await(display, () -> part.videoCanvas().drawn() > before + 10, 60, "the driver's video is drawn: "
                + part.connectionLine());
        assertTrue(part.videoCanvas().control().isVisible(), "the video takes its room");
        String size = ". Video " + settings.width() + "x" + settings.height() + ", ";
        await(display, () -> part.connectionLine().contains(size), 30, "the video's figures: "
                + part.connectionLine());
    }

    /** From the driver's scene drawn to the engineer's canvas painted with it, per picture, for a while. */
    private String glassToGlass(Display display, VideoCanvas canvas, VideoSettings settings) {
        long[] delays = new long[settings.fps() * MEASURE_SECONDS * 2];
        int[] count = {0};
        long[] last = {-1};
        Listener painted = e -> { // after the canvas's own paint listener
            VideoPicture p = canvas.lastDrawn();
            long drawn = p == null ? 0 : driver.drawnAt(p.micros());
            if (drawn != 0 && p.micros() != last[0] && count[0] < delays.length) {
                last[0] = p.micros();
                delays[count[0]++] = System.nanoTime() - drawn;
            }
        };
        canvas.control().addListener(SWT.Paint, painted);
        settle(display, MEASURE_SECONDS * 1000L);
        canvas.control().removeListener(SWT.Paint, painted);
        long[] sorted = Arrays.copyOf(delays, count[0]);
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? "Team Live video: no picture measured" : String.format(Locale.ROOT, "Team Live video %dx%d"
                + " at %d fps: glass-to-glass (scene drawn -> encoded -> relayed by the demo server -> decoded -> painted"
                + " on the engineer's canvas) p50 %.0f ms, p99 %.0f ms over %d pictures of %d sent in %d s",
                settings.width(), settings.height(), settings.fps(), sorted[n / 2] / 1e6, sorted[n * 99 / 100] / 1e6,
                n, settings.fps() * MEASURE_SECONDS, MEASURE_SECONDS);
    }

    /** The driver's radio clip is listed, picked and played; without a sound device the part says so. */
    private void playsTheDriversClip(Display display, EngineerLivePart part) {
        short[] clip = new short[LiveControl.CLIP_RATE];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (short) (4000 * Math.sin(i * 0.05));
        }
        await(display, () -> driver.publisher().radioClip(clip, "box this lap"), 30, "the driver's clip is sent");
        org.eclipse.swt.widgets.List listed = part.radioLog();
        await(display, () -> listed.getItemCount() > 0 && listed.getItem(0).contains("(clip"), 30, "the clip listed");
        assertTrue(listed.getItem(0).endsWith(": (clip 1.0 s) box this lap"), listed.getItem(0));
        assertTrue(part.playButton().isEnabled(), "the new clip is picked to play");
        part.playButton().notifyListeners(SWT.Selection, null);
        await(display, () -> part.playButton().isEnabled(), 30, "the clip played, or the part said why not");
        String problem = part.radioProblem().getText();
        assertTrue(problem.isEmpty() || problem.equals(ClipPlayer.NO_DEVICE), problem);
    }

    /**
     * At {@code width} x {@code height} the car's figures down to the last row, the charts and the lap table show
     * in full, and the steering chart's long name is shortened to its margin with the full name as its tooltip.
     */
    private static void showsEverythingAt(Display display, Shell shell, EngineerLivePart part, int width,
            int height) {
        shell.setBounds(0, 0, width, height);
        settle(display, 1500);
        String size = " at " + width + "x" + height;
        for (String row : List.of("Lap", "Tyres °C", "Pressures", "Flags", "Car")) {
            Fits.shownInFull(part.carFigures(), part.carFigureBounds(row), "the row " + row + size);
        }
        Fits.shownInFull(part.traceChart().control(), "the charts" + size);
        Fits.shownInFull(part.lapTableControl(), "the lap table" + size);
        String steering = part.traceChart().shownName("SteeringWheelAngle");
        assertTrue(steering != null && steering.endsWith(TextFit.ELLIPSIS) && steering.length() > 3,
                "the steering chart's label is shortened" + size + ": " + steering);
        Canvas charts = part.traceChart().control();
        GC gc = new GC(charts);
        try {
            assertTrue(gc.textExtent(steering).x <= LiveTraceChart.LABEL_WIDTH, "the label fits its margin" + size);
        } finally {
            gc.dispose();
        }
        Set<String> tips = new TreeSet<>();
        for (int y = 0; y < charts.getSize().y; y += 4) {
            Event move = new Event();
            move.x = 10;
            move.y = y;
            charts.notifyListeners(SWT.MouseMove, move);
            tips.add(charts.getToolTipText());
        }
        assertTrue(tips.stream().anyMatch(t -> t.startsWith("SteeringWheelAngle")),
                "hovering over the label gives the full name" + size + ": " + tips);
    }

    /**
     * The UI thread's CPU time over wall time while the driver streams in real time. The event loop sleeps until
     * an event, as the workbench's does ({@code settle} wakes itself 50 times a second, which Team Live does not).
     */
    private static double uiCpuShare(Display display) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long ui = Thread.currentThread().threadId();
        long cpu0 = threads.getThreadCpuTime(ui);
        long wall0 = System.nanoTime();
        boolean[] over = {false};
        display.timerExec(MEASURE_SECONDS * 1000, () -> over[0] = true);
        while (!over[0]) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        return (double) (threads.getThreadCpuTime(ui) - cpu0) / (System.nanoTime() - wall0);
    }

}
