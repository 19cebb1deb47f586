package org.pitbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.settle;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.session.OpenSession;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.CloudClient;
import org.pitbox.client.SessionCache;
import org.pitbox.client.TransferProgress;
import org.pitbox.core.compare.VideoTimeline;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.demo.Screenshots;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.ui.engineer.compare.LapComparePart;
import org.pitbox.ui.engineer.compare.VideoPane;
import org.pitbox.ui.widgets.ChartStack;

/**
 * A stored session's video in the Lap Compare part: a driver streams three laps of Martinsville with video through
 * a real server (the demo server's jar), the engineer downloads the session (its video comes beside it) and opens
 * it. The video shows beside the charts; moving the charts' cursor shows the car at that distance, and playing the
 * video moves the cursor with the car.
 */
class SessionVideoTest {
    private static final int LAPS = 3;

    @TempDir
    Path dir;

    private final List<Throwable> failures = new ArrayList<>();
    private TestDemoServer server;
    private URI base;

    @Test
    void theStoredVideoFollowsTheChartsCursorAndPlayingMovesIt() throws Exception {
        server = TestDemoServer.start(dir);
        base = server.base();
        try {
            TestWorkbench.checkSignedIn("session video check failed", failures, this::exercise);
        } finally {
            server.stop();
        }
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench) throws Exception {
        TeamSession team = app.getContext().get(TeamSession.class);
        team.signIn(base.toString(), "engineer@demo.pitbox", TestDemoServer.PASSWORD).get(30, TimeUnit.SECONDS);
        SimulatedRecording race = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(LAPS).withSeed(5));
        TestDriver driver = server.driver("video-" + System.currentTimeMillis(), race, LAPS, 1, failures);
        await(display, driver::sendVideo, 60, "the driver streams with video");
        await(display, driver::driven, 180, "the driver drives the three laps");
        assertTrue(driver.end(), "the server recorded every row");
        CloudClient client = team.client();
        await(display, () -> stored(client, team.team().id()) != null, 60, "the session is stored with its video");
        SessionCache.Entry entry = new SessionCache(dir.resolve("cache")).download(client,
                stored(client, team.team().id()), TransferProgress.NONE, () -> false);
        assertTrue(Files.isRegularFile(SessionCache.video(entry.file())), "the video is downloaded beside the .ibt");

        Shell shell = TestWorkbench.shell(app);
        EPartService parts = TestWorkbench.engineer(app);
        app.getContext().get(OpenSession.class).set(entry.file(), IbtSummary.read(entry.file()));
        LapComparePart compare = (LapComparePart) parts.showPart(LapComparePart.ID,
                EPartService.PartState.ACTIVATE).getObject();
        VideoPane video = compare.videoPane();
        await(display, () -> compare.comparison() != null && !compare.busy() && video.showing()
                && video.canvas().drawn() > 0, 60, "laps compared and the video's first picture drawn: "
                + compare.stateText() + " / " + video.whereText());
        assertTrue(video.control().isVisible(), "the video takes its room beside the charts");
        VideoTimeline timeline;
        try (IbtFile ibt = IbtFile.open(entry.file())) {
            timeline = VideoTimeline.of(ibt, IbtSummary.of(ibt).laps());
        }

        video.seek(timeline.secondsAt(timeline.laps().get(1), 0.1));
        await(display, () -> video.lap() != null && video.lap().number() == timeline.laps().get(1).number(), 30,
                "the video in the second lap: " + video.whereText());
        ChartStack stack = compare.chartStack();
        Control speed = ((Composite) stack.control()).getChildren()[1];
        move(speed, speed.getSize().x / 2);
        double cursorPct = stack.cursor() / length(compare);
        await(display, () -> Math.abs(timeline.pctAt(video.position()) - cursorPct) < 0.01, 30,
                "the video shows the car at the cursor (" + cursorPct + "): " + video.whereText());
        assertEquals(timeline.laps().get(1).number(), video.lap().number(), "in the lap on screen");

        double from = video.position();
        video.togglePlay();
        await(display, () -> video.position() > from + 1.5, 30, "the video plays: " + video.whereText());
        video.togglePlay();
        settle(display, 300);
        double pausedPct = timeline.pctAt(video.position());
        assertEquals(pausedPct, stack.cursor() / length(compare), 0.01, "playing moved the cursor with the car");
        assertFalse(video.whereText().isEmpty());
        takesThePictureToAWindow(display, video);

        shell.setBounds(0, 0, 1600, 900);
        settle(display, 1000);
        display.setCursorLocation(1590, 890);
        Screenshots.save(shell, TestScreenshots.file("lap-compare-video.png"));
    }

    /** A double-click takes the picture to a window of its own; closing it puts the picture back above its timeline. */
    private static void takesThePictureToAWindow(Display display, VideoPane video) {
        Canvas picture = video.canvas().control();
        picture.notifyListeners(SWT.MouseDoubleClick, new Event());
        Shell window = video.window().shell();
        assertNotNull(window, "the picture has a window of its own");
        assertSame(window, picture.getParent());
        assertTrue(window.getText().matches("Session video: .+\\.mp4"), window.getText());
        long before = video.canvas().drawn();
        video.seek(video.position() + 1);
        await(display, () -> video.canvas().drawn() > before, 30, "the picture is drawn in its window");
        window.close();
        assertTrue(window.isDisposed(), "the window is gone");
        assertSame(picture, video.control().getChildren()[0], "the picture is back above its timeline");
        assertTrue(picture.isVisible());
    }

    private static double length(LapComparePart compare) {
        double[] x = compare.comparison().distance();
        return x[x.length - 1];
    }

    private static void move(Control chart, int x) {
        Event e = new Event();
        e.x = x;
        e.y = 40;
        chart.notifyListeners(SWT.MouseMove, e);
    }

    /** The team's complete session with a video, or null. */
    private static SessionView stored(CloudClient c, long team) {
        try {
            return c.sessions(team, CloudClient.SessionQuery.FIRST).items().stream()
                    .filter(s -> SessionView.COMPLETE.equals(s.status()) && s.videoBytes() != null
                            && s.videoBytes() > 0).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
