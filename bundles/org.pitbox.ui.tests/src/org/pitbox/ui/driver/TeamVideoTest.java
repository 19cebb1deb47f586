package org.pitbox.ui.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.settle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.core.sim.SimulatorSource;
import org.pitbox.demo.Screenshots;
import org.pitbox.ui.tests.TestDemoServer;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;

/**
 * The Driver perspective's Team tab: video is off and says what it would need; it cannot start before the live
 * session; started, it captures this (Xvfb) screen and says what goes out; it stops with the session.
 */
class TeamVideoTest {
    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void videoIsOffUntilTheDriverTurnsItOnDuringALiveSession(@TempDir Path dir) throws Exception {
        TestDemoServer server = TestDemoServer.start(dir);
        try {
            TestWorkbench.checkSignedIn("team video check failed", failures, (display, app, workbench) -> exercise(display,
                    app, server.base().toString()));
        } finally {
            server.stop();
        }
    }

    private void exercise(Display display, MApplication app, String base) throws Exception {
        TeamSession team = app.getContext().get(TeamSession.class);
        ActiveFeed feed = app.getContext().get(ActiveFeed.class);
        EPartService parts = TestWorkbench.perspective(app, "org.pitbox.ui.perspective.driver", 1280, 800);
        TeamPart part = (TeamPart) parts.showPart("org.pitbox.ui.part.team", EPartService.PartState.ACTIVATE)
                .getObject();
        VideoBox video = part.videoBox();
        Button on = video.switchButton();
        settle(display, 300);
        assertFalse(on.getSelection(), "video is off by default");
        assertFalse(on.isEnabled(), "no video without a live session");
        assertEquals("Start the live session first: video goes with it", on.getToolTipText());
        assertEquals("Video off. 480p15 at 1.0 Mbit/s, needs 1.1 Mbit/s upstream.", video.statusLine().getText());

        team.signIn(base, "driver@demo.pitbox", TestDemoServer.PASSWORD).get(30, TimeUnit.SECONDS);
        feed.start(new SimulatorSource(), null);
        team.startStreaming(feed.feed(), Bandwidth.FULL);
        await(display, on::isEnabled, 30, "video can start once the session streams");
        on.setSelection(true);
        on.notifyListeners(SWT.Selection, null);
        await(display, () -> video.statusLine().getText().startsWith("Video 480p15 at 1.0 Mbit/s ("), 30,
                "video goes out: " + video.statusLine().getText());
        display.setCursorLocation(1270, 790); // off the row: no tooltip in the screenshot
        settle(display, 1500);
        Screenshots.save(TestWorkbench.shell(app), TestScreenshots.file("driver-team-video.png"));

        team.stopStreaming();
        await(display, () -> !on.getSelection() && video.statusLine().getText().startsWith("Video off."), 30,
                "video stops with the session: " + video.statusLine().getText());
        assertEquals("Video off", team.videoStatus());
        feed.stop();
    }
}
