package org.pitbox.ui.driver;

import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.ReplayControl;

/** Play, pause, speed and seek of the running replay; disabled, with the reason, while no replay runs. */
final class ReplayBar {
    private static final int REFRESH_MILLIS = 250;
    private static final String NO_REPLAY = "Start a replay of an .ibt file to ";

    private final Supplier<LiveFeed> feed;
    private final Composite row;
    private final Button play;
    private final Combo speed;
    private final Scale position;
    private final Label time;
    private ReplayControl control;
    private boolean dragging;

    ReplayBar(Composite parent, Supplier<LiveFeed> feed) {
        this.feed = feed;
        row = new Composite(parent, SWT.NONE);
        row.setLayout(new GridLayout(4, false));
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        play = new Button(row, SWT.PUSH);
        play.addListener(SWT.Selection, e -> playOrPause());
        speed = new Combo(row, SWT.READ_ONLY);
        ReplayControl.SPEEDS.forEach(s -> speed.add(ReplayControl.label(s)));
        speed.addListener(SWT.Selection, e -> control.speed(ReplayControl.SPEEDS.get(speed.getSelectionIndex())));
        position = new Scale(row, SWT.HORIZONTAL);
        position.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        position.setPageIncrement(30);
        position.addListener(SWT.Selection, e -> control.seek(position.getSelection()));
        position.addListener(SWT.MouseDown, e -> dragging = true);
        position.addListener(SWT.MouseUp, e -> dragging = false);
        time = new Label(row, SWT.NONE);
        show(null);
        row.getDisplay().timerExec(REFRESH_MILLIS, this::tick);
    }

    private void tick() {
        if (!row.isDisposed()) {
            refresh();
            row.getDisplay().timerExec(REFRESH_MILLIS, this::tick);
        }
    }

    /** Follows the running feed: enabled for a replay, showing where it is. */
    void refresh() {
        LiveFeed running = feed.get();
        ReplayControl now = running == null ? null : running.replayControl().orElse(null);
        if (now != control) {
            show(now);
        }
        if (control == null) {
            return;
        }
        play.setToolTipText(control.paused() ? "Play the replay" : "Pause the replay");
        speed.select(ReplayControl.SPEEDS.indexOf(control.speed()));
        if (!dragging) {
            position.setSelection((int) control.position());
        }
        texts(control.paused() ? "Play" : "Pause", clock(control.position()) + " / " + clock(control.duration()));
    }

    private void show(ReplayControl next) {
        control = next;
        boolean on = next != null;
        for (var c : row.getChildren()) {
            c.setEnabled(on);
        }
        if (on) {
            position.setMaximum(Math.max(1, (int) Math.ceil(next.duration())));
            speed.setToolTipText("How fast the replay runs");
            position.setToolTipText("Drag to move through the replay");
            time.setToolTipText("Where the replay is, of how long it lasts");
        } else {
            play.setToolTipText(NO_REPLAY + "play or pause it");
            speed.select(ReplayControl.SPEEDS.indexOf(1.0));
            speed.setToolTipText(NO_REPLAY + "change its speed");
            position.setSelection(0);
            position.setToolTipText(NO_REPLAY + "move through it");
            time.setToolTipText(NO_REPLAY + "see where it is");
            texts("Play", "-:-- / -:--");
        }
    }

    /** Lays the row out again only when a text changed. */
    private void texts(String playText, String timeText) {
        if (!playText.equals(play.getText()) || !timeText.equals(time.getText())) {
            play.setText(playText);
            time.setText(timeText);
            row.layout();
        }
    }

    private void playOrPause() {
        if (control.paused()) {
            control.resume();
        } else {
            control.pause();
        }
        refresh();
    }

    /** Minutes and seconds, with hours when there are any: {@code 12:34}, {@code 1:02:03}. */
    static String clock(double seconds) {
        long s = (long) Math.max(0, seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
