package org.pitbox.ui.widgets;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * A double-click takes a video to a window of its own (for a second screen) and another, or closing that window,
 * puts it back where it was among its siblings. The owner is told after each move, to lay its part out again.
 */
public final class VideoWindow {
    private static final String OUT_TIP = "The video: double-click for a window of its own (a second screen)";
    private static final String BACK_TIP = "Double-click or close the window: the video goes back";
    /** The window's first width: 720p's, its height to match. */
    private static final int WIDTH = 1280;

    private final Canvas video;
    private final Composite home;
    private final Supplier<String> title;
    private final Consumer<Boolean> moved;
    /** The video's place among its home's children. */
    private final int index;
    private Shell window;

    /** {@code title} names the window when it opens; {@code moved} hears whether the video is out, after each move. */
    public VideoWindow(VideoCanvas video, Supplier<String> title, Consumer<Boolean> moved) {
        this.video = video.control();
        this.home = this.video.getParent();
        this.title = title;
        this.moved = moved;
        this.index = Arrays.asList(home.getChildren()).indexOf(this.video);
        this.video.setToolTipText(OUT_TIP);
        this.video.addListener(SWT.MouseDoubleClick, e -> toggle());
        home.addListener(SWT.Dispose, e -> { // the part goes: the video goes with its window
            if (window != null) {
                Shell shell = window;
                window = null;
                shell.dispose();
            }
        });
    }

    /** Whether the video is in its own window. */
    public boolean isOpen() {
        return window != null;
    }

    /** The video's window, or null (for tests). */
    public Shell shell() {
        return window;
    }

    private void toggle() {
        if (window != null) {
            close();
        } else if (video.isReparentable()) {
            open();
        }
    }

    private void open() {
        Shell shell = new Shell(home.getShell(), SWT.SHELL_TRIM);
        shell.setText(title.get());
        shell.setLayout(new FillLayout());
        shell.addListener(SWT.Close, e -> {
            e.doit = false;
            close();
        });
        window = shell;
        video.setParent(shell);
        video.setToolTipText(BACK_TIP);
        video.setVisible(true);
        Rectangle trim = shell.computeTrim(0, 0, WIDTH, WIDTH * 9 / 16);
        shell.setSize(trim.width, trim.height);
        moved.accept(true);
        shell.open();
    }

    /** Puts the video back and closes its window; nothing when it is not out. */
    public void close() {
        Shell shell = window;
        if (shell == null) {
            return;
        }
        window = null;
        if (!home.isDisposed()) {
            Control next = nextSibling();
            video.setParent(home);
            if (next != null) {
                video.moveAbove(next);
            }
            video.setToolTipText(OUT_TIP);
            moved.accept(false);
        }
        if (!shell.isDisposed()) {
            shell.dispose();
        }
    }

    /** The home's child that came after the video, now at the video's old place. */
    private Control nextSibling() {
        Control[] children = home.getChildren();
        return index < children.length ? children[index] : null;
    }
}
