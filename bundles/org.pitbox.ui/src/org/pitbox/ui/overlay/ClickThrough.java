package org.pitbox.ui.overlay;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Region;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;

/**
 * Lets clicks on parts of the overlay fall through to the window below. SWT has no API for it: Shell.setRegion
 * also cuts what is drawn, and setAlpha only blends. GTK 3 has it, on X11 and Wayland: a window's input shape,
 * outside which the pointer goes to whatever is below. It is set here through SWT's own GTK binding, looked up by
 * name because that is internal and exists only in the GTK build of SWT. On Windows and macOS the overlay keeps
 * taking every click (they would need native code: a layered, transparent window, or ignoresMouseEvents).
 */
final class ClickThrough {
    private static final MethodHandle TOPLEVEL;
    private static final MethodHandle INPUT_SHAPE;
    private static final Field WIDGET_HANDLE;
    private static final Field REGION_HANDLE;

    static {
        MethodHandle toplevel = null;
        MethodHandle inputShape = null;
        Field widget = null;
        Field region = null;
        if ("gtk".equals(SWT.getPlatform())) {
            try {
                Class<?> gtk3 = Class.forName("org.eclipse.swt.internal.gtk3.GTK3", true, Shell.class.getClassLoader());
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                toplevel = lookup.findStatic(gtk3, "gtk_widget_get_toplevel",
                        MethodType.methodType(long.class, long.class));
                inputShape = lookup.findStatic(gtk3, "gtk_widget_input_shape_combine_region",
                        MethodType.methodType(void.class, long.class, long.class));
                widget = Widget.class.getField("handle");
                region = Region.class.getField("handle");
            } catch (ReflectiveOperationException | LinkageError e) {
                toplevel = null;
                inputShape = null;
            }
        }
        TOPLEVEL = toplevel;
        INPUT_SHAPE = inputShape;
        WIDGET_HANDLE = widget;
        REGION_HANDLE = region;
    }

    private ClickThrough() {
    }

    /** Whether this platform lets the overlay pass clicks through. */
    static boolean supported() {
        return INPUT_SHAPE != null;
    }

    /**
     * Makes the shell take clicks only inside {@code region} (in shell coordinates; empty for none), or everywhere
     * again with null. Returns false where that is not possible.
     */
    static boolean limit(Shell shell, Region region) {
        if (!supported()) {
            return false;
        }
        try {
            long window = (long) TOPLEVEL.invokeExact(WIDGET_HANDLE.getLong(shell));
            INPUT_SHAPE.invokeExact(window, region == null ? 0L : REGION_HANDLE.getLong(region));
            return true;
        } catch (Throwable e) {
            // invokeExact declares Throwable; a binding that fails leaves the overlay taking clicks
            return false;
        }
    }
}
