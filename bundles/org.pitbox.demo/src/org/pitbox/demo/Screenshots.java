package org.pitbox.demo;

import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves what a window shows on screen as PNG (docs, the demo). Call on the UI thread. */
public final class Screenshots {
    private Screenshots() {
    }

    /** The whole window, its frame included. */
    public static void save(Shell shell, Path file) {
        save(shell.getDisplay(), shell.getBounds(), file);
    }

    /** What {@code control} shows, without its window's frame. */
    public static void save(Control control, Path file) {
        Point at = control.toDisplay(0, 0);
        Point size = control.getSize();
        save(control.getDisplay(), new Rectangle(at.x, at.y, size.x, size.y), file);
    }

    private static void write(Image image, Path file) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(file.toString(), SWT.IMAGE_PNG);
    }

    private static void save(Display display, Rectangle bounds, Path file) {
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            write(image, file);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
