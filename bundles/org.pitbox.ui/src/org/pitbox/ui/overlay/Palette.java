package org.pitbox.ui.overlay;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Display;

/** The overlay's colours and fonts: dark panels, light figures, traffic-light accents. */
final class Palette {
    final Color back = new Color(12, 12, 14);
    final Color panel = new Color(32, 34, 40);
    final Color text = new Color(240, 240, 240);
    final Color dim = new Color(150, 155, 165);
    final Color green = new Color(40, 210, 90);
    final Color yellow = new Color(250, 200, 30);
    final Color red = new Color(235, 50, 50);
    final Color blue = new Color(70, 140, 255);
    final Color button = new Color(62, 66, 78);
    final Color buttonOff = new Color(42, 44, 50);
    final Color textOff = new Color(100, 104, 112);
    final Font huge;
    final Font big;
    final Font medium;
    final Font bold;
    final Font small;

    Palette(Display display) {
        String face = display.getSystemFont().getFontData()[0].getName();
        huge = new Font(display, new FontData(face, 44, SWT.BOLD));
        big = new Font(display, new FontData(face, 16, SWT.BOLD));
        medium = new Font(display, new FontData(face, 12, SWT.BOLD));
        bold = new Font(display, new FontData(face, 9, SWT.BOLD));
        small = new Font(display, new FontData(face, 9, SWT.NORMAL));
    }

    /** A box with its corners cut by two pixels, in the background colour: three boxes fill far faster than a curve. */
    static void roundBox(GC gc, int x, int y, int width, int height) {
        gc.fillRectangle(x + 2, y, width - 4, height);
        gc.fillRectangle(x, y + 2, width, height - 4);
        gc.fillRectangle(x + 1, y + 1, width - 2, height - 2);
    }

    void dispose() {
        for (Font f : new Font[] {huge, big, medium, bold, small}) {
            f.dispose();
        }
    }
}
