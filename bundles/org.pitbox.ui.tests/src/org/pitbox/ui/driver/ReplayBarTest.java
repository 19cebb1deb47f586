package org.pitbox.ui.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.ReplayControl;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

class ReplayBarTest {
    /** A replay standing still at 754 s of 2700 s. */
    private static final class Replay implements LiveFeed, ReplayControl {
        double speed = 1;
        boolean paused;
        double position = 754;

        @Override
        public ChannelLayout layout() {
            return new ChannelLayout(List.of(), 0);
        }

        @Override
        public String sessionInfoYaml() {
            return "";
        }

        @Override
        public boolean readLatest(Frame frame) {
            return false;
        }

        @Override
        public FeedStatus status() {
            return FeedStatus.live("");
        }

        @Override
        public void close() {
        }

        @Override
        public Optional<ReplayControl> replayControl() {
            return Optional.of(this);
        }

        @Override
        public double speed() {
            return speed;
        }

        @Override
        public void speed(double s) {
            speed = s;
        }

        @Override
        public boolean paused() {
            return paused;
        }

        @Override
        public void pause() {
            paused = true;
        }

        @Override
        public void resume() {
            paused = false;
        }

        @Override
        public void seek(double seconds) {
            position = seconds;
        }

        @Override
        public double position() {
            return position;
        }

        @Override
        public double duration() {
            return 2700;
        }
    }

    private LiveFeed running;

    @Test
    void followsTheRunningReplay() {
        Display display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        Shell shell = new Shell(display);
        try {
            ReplayBar bar = new ReplayBar(shell, () -> running);
            Composite row = (Composite) shell.getChildren()[0];
            Button play = (Button) row.getChildren()[0];
            Combo speed = (Combo) row.getChildren()[1];
            Scale position = (Scale) row.getChildren()[2];
            Label time = (Label) row.getChildren()[3];
            assertFalse(play.isEnabled());
            assertTrue(play.getToolTipText().startsWith("Start a replay"), play.getToolTipText());
            assertEquals("1x", speed.getText());

            Replay replay = new Replay();
            running = replay;
            bar.refresh();
            assertTrue(play.isEnabled() && speed.isEnabled() && position.isEnabled());
            assertEquals("Pause", play.getText());
            assertEquals("12:34 / 45:00", time.getText());
            assertEquals(754, position.getSelection());
            assertEquals(2700, position.getMaximum());

            play.notifyListeners(SWT.Selection, null);
            assertTrue(replay.paused);
            assertEquals("Play", play.getText());
            speed.select(4);
            speed.notifyListeners(SWT.Selection, null);
            assertEquals(4.0, replay.speed);
            position.setSelection(60);
            position.notifyListeners(SWT.Selection, null);
            assertEquals(60, replay.position);

            running = null;
            bar.refresh();
            assertFalse(position.isEnabled());
            assertEquals("-:-- / -:--", time.getText());
            assertEquals("1:02:03", ReplayBar.clock(3723.9));
        } finally {
            shell.dispose();
        }
    }
}
