package org.pitbox.ui.widgets;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.pitbox.video.VideoPicture;

/**
 * A video: the latest decoded picture, scaled to fit and drawn double-buffered, so a picture never shows half drawn.
 * Pictures come on the decoder's thread; only the newest waits to be drawn.
 */
public final class VideoCanvas {
    private final Canvas canvas;
    private final AtomicReference<VideoPicture> latest = new AtomicReference<>();
    private final AtomicBoolean redrawPending = new AtomicBoolean();
    private long drawn;
    private VideoPicture lastDrawn;

    public VideoCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
    }

    public Canvas control() {
        return canvas;
    }

    /** On any thread: the newest picture, drawn at the display's next turn. */
    public void show(VideoPicture picture) {
        latest.set(picture);
        if (!canvas.isDisposed() && redrawPending.compareAndSet(false, true)) {
            canvas.getDisplay().asyncExec(() -> {
                redrawPending.set(false);
                if (!canvas.isDisposed()) {
                    canvas.redraw();
                }
            });
        }
    }

    /** Forgets the picture: no session, or it ended. */
    public void clear() {
        latest.set(null);
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    public boolean hasPicture() {
        return latest.get() != null;
    }

    /** Pictures drawn so far (for tests). */
    public long drawn() {
        return drawn;
    }

    /** On the UI thread: the picture on screen, or null (for measuring glass-to-glass). */
    public VideoPicture lastDrawn() {
        return lastDrawn;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        VideoPicture p = latest.get();
        if (p == null || area.width < 2 || area.height < 2) {
            return;
        }
        ImageData data = new ImageData(p.width(), p.height(), 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        for (int y = 0; y < p.height(); y++) {
            data.setPixels(0, y, p.width(), p.argb(), y * p.width());
        }
        double scale = Math.min((double) area.width / p.width(), (double) area.height / p.height());
        int w = (int) (p.width() * scale);
        int h = (int) (p.height() * scale);
        Image image = new Image(canvas.getDisplay(), data);
        try {
            gc.drawImage(image, 0, 0, p.width(), p.height(), area.x + (area.width - w) / 2,
                    area.y + (area.height - h) / 2, w, h);
        } finally {
            image.dispose();
        }
        lastDrawn = p;
        drawn++;
    }
}
