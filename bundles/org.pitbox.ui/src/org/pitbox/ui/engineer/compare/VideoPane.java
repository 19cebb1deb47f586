package org.pitbox.ui.engineer.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.pitbox.app.compare.SessionVideo;
import org.pitbox.client.SessionCache;
import org.pitbox.core.compare.VideoTimeline;
import org.pitbox.core.laps.Lap;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.ui.widgets.VideoCanvas;
import org.pitbox.ui.widgets.VideoWindow;
import org.pitbox.video.VideoPicture;

/**
 * The open session's video beside the lap comparison, on the session's clock: moving the charts' cursor (while
 * paused) shows the car at that distance in the lap on screen; playing moves the cursor with the car. The timeline
 * under the picture marks every lap and sector; clicking or dragging on it seeks. Shown only for a session that has
 * a video (the MP4 of its name beside the .ibt, as a team session downloads).
 */
public final class VideoPane {
    private static final int TIMELINE_HEIGHT = 30;

    private final UISynchronize ui;
    private final DoubleConsumer carAt;
    private final Composite root;
    private final VideoCanvas canvas;
    private final VideoWindow window;
    private final Canvas timelineBar;
    private final Button play;
    private final Label where;
    private VideoTimeline timeline;
    private SessionVideo video;
    private double position;
    private Lap lap;
    private String name = "";

    /** {@code carAt} hears the lap distance (0..1) the playing video is at, on the UI thread. */
    VideoPane(Composite parent, UISynchronize ui, DoubleConsumer carAt) {
        this.ui = ui;
        this.carAt = carAt;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));
        canvas = new VideoCanvas(root);
        GridData picture = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        picture.heightHint = 180;
        canvas.control().setLayoutData(picture);
        root.addListener(SWT.Resize, e -> { // the picture 16:9 at the pane's width, the timeline right under it
            int height = Math.max(90, (root.getClientArea().width - 10) * 9 / 16);
            if (picture.heightHint != height) {
                picture.heightHint = height;
                root.layout(true);
            }
        });
        window = new VideoWindow(canvas, () -> "Session video: " + name, out -> { // the timeline moves up meanwhile
            picture.exclude = out;
            root.layout(true);
        });
        timelineBar = new Canvas(root, SWT.DOUBLE_BUFFERED);
        GridData bar = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        bar.heightHint = TIMELINE_HEIGHT;
        timelineBar.setLayoutData(bar);
        timelineBar.addListener(SWT.Paint, e -> paintTimeline(e.gc));
        timelineBar.addListener(SWT.MouseDown, this::seekOnTimeline);
        timelineBar.addListener(SWT.MouseMove, e -> {
            if ((e.stateMask & SWT.BUTTON1) != 0) {
                seekOnTimeline(e);
            }
        });
        timelineBar.setToolTipText("Laps (long marks) and sectors (short marks); click or drag to go there");
        play = new Button(root, SWT.PUSH);
        play.setText("Play");
        play.setToolTipText("Plays the video; the charts' cursor follows the car");
        play.addListener(SWT.Selection, e -> togglePlay());
        where = new Label(root, SWT.NONE);
        where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        root.addDisposeListener(e -> close());
        enable();
    }

    public Composite control() {
        return root;
    }

    /** Whether the session in {@code ibt} has a video to show. */
    static boolean hasVideo(Path ibt) {
        return ibt != null && Files.isRegularFile(SessionCache.video(ibt));
    }

    /**
     * Reads where the laps of {@code ibt} are on the video's clock (call off the UI thread); the result goes to
     * {@link #show}.
     */
    static VideoTimeline timeline(Path ibt, IbtSummary summary) throws IOException {
        try (IbtFile file = IbtFile.open(ibt)) {
            return VideoTimeline.of(file, summary.laps());
        }
    }

    /** Shows the video beside {@code ibt} with the laps' timeline; the first picture follows. */
    void show(Path ibt, VideoTimeline laps) {
        close();
        timeline = laps;
        position = 0;
        lap = null;
        name = SessionCache.video(ibt).getFileName().toString();
        where.setText("Opening " + name + " ...");
        video = SessionVideo.open(SessionCache.video(ibt), new SessionVideo.Listener() {
            @Override
            public void shown(VideoPicture picture, double seconds) {
                canvas.show(picture);
                ui.asyncExec(() -> moved(seconds));
            }

            @Override
            public void ended() {
                ui.asyncExec(() -> {
                    if (!root.isDisposed()) {
                        play.setText("Play");
                        where.setText(where.getText() + "  (the end)");
                    }
                });
            }

            @Override
            public void failed(String message) {
                ui.asyncExec(() -> {
                    if (!root.isDisposed()) {
                        close();
                        where.setText("The video cannot be shown: " + message);
                    }
                });
            }
        });
        enable();
        timelineBar.redraw();
    }

    /** Forgets the video (another session opened, or one without video). */
    void close() {
        if (video != null) {
            video.close();
            video = null;
        }
        if (!root.isDisposed()) {
            window.close();
            canvas.clear();
            play.setText("Play");
            enable();
        }
    }

    public boolean showing() {
        return video != null;
    }

    /** The video's time on screen, in seconds. */
    public double position() {
        return position;
    }

    /** The lap on screen, or null. */
    public Lap lap() {
        return lap;
    }

    public VideoCanvas canvas() {
        return canvas;
    }

    /** The video's own window (a double-click on the picture). */
    public VideoWindow window() {
        return window;
    }

    public String whereText() {
        return where.getText();
    }

    /** The charts' cursor moved to lap distance {@code pct}: while paused, the video shows the car there. */
    void cursorAt(double pct) {
        if (video == null || video.playing() || Double.isNaN(pct) || timeline.laps().isEmpty()) {
            return;
        }
        Lap on = lap != null ? lap : timeline.laps().get(0);
        seek(timeline.secondsAt(on, pct));
    }

    public void seek(double seconds) {
        if (video != null) {
            video.seek(seconds);
        }
    }

    public void togglePlay() {
        if (video == null) {
            return;
        }
        if (video.playing()) {
            video.pause();
            play.setText("Play");
        } else {
            if (position >= timeline.duration() - 0.1) {
                video.seek(0);
            }
            video.play();
            play.setText("Pause");
        }
    }

    private void moved(double seconds) {
        if (root.isDisposed() || video == null) {
            return;
        }
        position = seconds;
        lap = timeline.lapAt(seconds);
        double pct = timeline.pctAt(seconds);
        where.setText((lap == null ? "" : "Lap " + lap.number() + "  ") + VideoTimeline.clock(seconds) + " of "
                + VideoTimeline.clock(timeline.duration()) + (lap == null ? "" : String.format(
                        Locale.ROOT, "  %.0f %% of the lap", pct * 100)));
        timelineBar.redraw();
        if (video.playing()) {
            carAt.accept(pct);
        }
    }

    private void seekOnTimeline(Event e) {
        if (video == null) {
            return;
        }
        Rectangle area = timelineBar.getClientArea();
        seek(Math.clamp((double) (e.x - area.x) / Math.max(1, area.width), 0, 1) * timeline.duration());
    }

    private void paintTimeline(GC gc) {
        Rectangle area = timelineBar.getClientArea();
        gc.setBackground(timelineBar.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(area);
        if (timeline == null || timeline.duration() <= 0) {
            return;
        }
        double scale = area.width / timeline.duration();
        int mid = area.y + area.height / 2;
        gc.setForeground(timelineBar.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawLine(area.x, mid, area.x + area.width, mid);
        gc.setForeground(timelineBar.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        List<VideoTimeline.Marker> markers = timeline.markers();
        int lastLabel = area.x - 1000;
        for (VideoTimeline.Marker m : markers) {
            int x = area.x + (int) Math.round(m.seconds() * scale);
            if (m.lapStart()) {
                gc.drawLine(x, area.y + 2, x, area.y + area.height - 2);
                String label = "L" + m.lap();
                if (x - lastLabel > gc.textExtent(label).x + 6) {
                    gc.drawText(label, x + 2, area.y, true);
                    lastLabel = x;
                }
            } else {
                gc.drawLine(x, mid - 4, x, mid + 4);
            }
        }
        int at = area.x + (int) Math.round(position * scale);
        gc.setBackground(timelineBar.getDisplay().getSystemColor(SWT.COLOR_RED));
        gc.fillRectangle(at - 1, area.y, 3, area.height);
    }

    private void enable() {
        play.setEnabled(video != null);
    }
}
