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
 * Pictures come on the decoder's thread, which also scales them to the canvas (averaging the pixels each one
 * covers) and converts them, so the UI thread only draws; only the newest waits to be drawn.
 */
public final class VideoCanvas {
    private static final PaletteData RGB = new PaletteData(0xFF0000, 0x00FF00, 0x0000FF);

    /** A picture made ready for a canvas of {@code width x height}. */
    private record Ready(VideoPicture picture, ImageData data, int width, int height) {
    }

    private final Canvas canvas;
    private final AtomicReference<Ready> latest = new AtomicReference<>();
    private final AtomicBoolean redrawPending = new AtomicBoolean();
    /** The canvas's size, read on the decoder's thread. */
    private volatile int width;
    private volatile int height;
    private long drawn;
    private VideoPicture lastDrawn;

    public VideoCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> {
            Rectangle area = canvas.getClientArea();
            width = area.width;
            height = area.height;
        });
    }

    public Canvas control() {
        return canvas;
    }

    /** On any thread: the newest picture, scaled on this thread and drawn at the display's next turn. */
    public void show(VideoPicture picture) {
        latest.set(ready(picture, width, height));
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
        Ready was = latest.get();
        if (was == null || area.width < 2 || area.height < 2) {
            return;
        }
        Ready r = was;
        if (r.width() != area.width || r.height() != area.height) { // resized since: scale it again, here once
            r = ready(r.picture(), area.width, area.height);
            latest.compareAndSet(was, r);
        }
        Image image = new Image(canvas.getDisplay(), r.data());
        try {
            gc.drawImage(image, area.x + (area.width - r.data().width) / 2,
                    area.y + (area.height - r.data().height) / 2);
        } finally {
            image.dispose();
        }
        lastDrawn = r.picture();
        drawn++;
    }

    /** The picture scaled to fit {@code width x height} (never enlarged past twice its size), as image data. */
    private static Ready ready(VideoPicture p, int width, int height) {
        double scale = width < 2 || height < 2 ? 1
                : Math.min(2, Math.min((double) width / p.width(), (double) height / p.height()));
        int w = Math.max(1, (int) (p.width() * scale));
        int h = Math.max(1, (int) (p.height() * scale));
        ImageData data = new ImageData(w, h, 24, RGB);
        int[] row = new int[w];
        int[] argb = p.argb();
        for (int y = 0; y < h; y++) {
            int y0 = y * p.height() / h;
            int y1 = Math.max(y0 + 1, (y + 1) * p.height() / h);
            for (int x = 0; x < w; x++) {
                int x0 = x * p.width() / w;
                int x1 = Math.max(x0 + 1, (x + 1) * p.width() / w);
                int r = 0, g = 0, b = 0;
                for (int sy = y0; sy < y1; sy++) {
                    for (int sx = x0, i = sy * p.width() + x0; sx < x1; sx++, i++) {
                        int c = argb[i];
                        r += (c >> 16) & 0xFF;
                        g += (c >> 8) & 0xFF;
                        b += c & 0xFF;
                    }
                }
                int n = (y1 - y0) * (x1 - x0);
                row[x] = (r / n) << 16 | (g / n) << 8 | b / n;
            }
            data.setPixels(0, y, w, row, 0);
        }
        return new Ready(p, data, width, height);
    }
}
