package org.pitbox.ui.driver;

import java.io.IOException;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.pitbox.app.team.TeamSession;
import org.pitbox.video.FrameSource;
import org.pitbox.video.ScreenCapture;
import org.pitbox.video.VideoSettings;

/**
 * The driver's video to the team, in the live session box: off by default and saying so, a size and rate, a bitrate
 * cap with the upstream bandwidth it needs, and while on what goes out or why it stepped down.
 */
final class VideoBox {
    /** The window iRacing draws in, captured on Windows; elsewhere the primary screen. */
    static final String SIM_WINDOW = "iRacing.com Simulator";
    private static final List<VideoSettings> SIZES = List.of(VideoSettings.P480_15, VideoSettings.P720_30);
    private static final int[] CAPS = {500_000, 1_000_000, 2_000_000, 3_000_000, 4_000_000};

    private final TeamSession team;
    private final Button on;
    private final Combo size;
    private final Combo cap;
    private final Label status;
    /** Why video did not start, shown until the driver tries again. */
    private String problem;

    VideoBox(Composite parent, TeamSession team) {
        this.team = team;
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        GridLayout layout = new GridLayout(2, true);
        layout.marginWidth = 0;
        row.setLayout(layout);
        on = new Button(row, SWT.CHECK);
        on.setText("Send my screen (video)");
        on.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        size = new Combo(row, SWT.READ_ONLY);
        size.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SIZES.forEach(s -> size.add(s.height() + "p, " + s.fps() + " frames/s"));
        size.select(0);
        size.setToolTipText("The picture the engineers see");
        cap = new Combo(row, SWT.READ_ONLY);
        cap.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (int c : CAPS) {
            cap.add(String.format(java.util.Locale.ROOT, "up to %.1f Mbit/s", c / 1e6));
        }
        cap.select(1);
        cap.setToolTipText("The bitrate cap: video lowers it, then pauses, when the link is short; telemetry first");
        status = new Label(row, SWT.WRAP);
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        statusData.widthHint = 200; // wraps within the box instead of widening it
        status.setLayoutData(statusData);
        on.addListener(SWT.Selection, e -> toggle());
        size.addListener(SWT.Selection, e -> refresh());
        cap.addListener(SWT.Selection, e -> refresh());
    }

    /** For tests: the switch and the line under it. */
    Button switchButton() {
        return on;
    }

    Label statusLine() {
        return status;
    }

    private VideoSettings settings() {
        return SIZES.get(Math.max(0, size.getSelectionIndex())).withBitrate(CAPS[Math.max(0, cap.getSelectionIndex())]);
    }

    private void toggle() {
        problem = null;
        if (!on.getSelection()) {
            team.stopVideo();
        } else {
            VideoSettings s = settings();
            Rectangle screen = on.getDisplay().getPrimaryMonitor().getBounds();
            try {
                team.startVideo(s, () -> capture(screen, s));
            } catch (IOException e) {
                problem = "Video not started: " + TeamSession.rootMessage(e);
            }
        }
        refresh();
    }

    /** The simulator's window on Windows when it is open, else the primary screen. */
    private static FrameSource capture(Rectangle screen, VideoSettings s) {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            try {
                return ScreenCapture.window(SIM_WINDOW, s);
            } catch (IllegalStateException notOpen) {
                // the sim is not running: the desktop instead
            }
        }
        return ScreenCapture.region(null, screen.x, screen.y, screen.width & ~1, screen.height & ~1, s);
    }

    /** Follows the live session: video can start only while it streams, and stops with it. */
    void refresh() {
        if (status.isDisposed()) {
            return;
        }
        boolean streaming = team.streaming();
        String now = team.videoStatus();
        boolean sending = !"Video off".equals(now);
        on.setSelection(sending);
        on.setEnabled(streaming || sending);
        on.setToolTipText(streaming ? "The engineers see your screen beside the telemetry"
                : "Start the live session first: video goes with it");
        size.setEnabled(!sending);
        cap.setEnabled(!sending);
        status.setText(sending ? now : problem != null ? problem : "Video off. " + settings().describe() + ".");
    }
}
