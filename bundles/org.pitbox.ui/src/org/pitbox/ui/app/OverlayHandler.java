package org.pitbox.ui.app;

import org.eclipse.e4.core.di.annotations.Execute;
import org.pitbox.ui.overlay.OverlayWindow;

/** Window > Driver Overlay and Ctrl+Shift+O: shows or hides the overlay. */
public class OverlayHandler {
    @Execute
    public void execute(OverlayWindow overlay) {
        overlay.toggle();
    }
}
