package org.pitbox.voice.ptt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.HashSet;
import java.util.Set;

/**
 * The keyboard on Linux, read from the X server whichever window has the focus ({@code XQueryKeymap}, one call a
 * poll). Keys are X11 keycodes, labelled with their key names ("F13", "Control_R").
 */
public final class X11Keys implements ButtonSource {
    interface X11 extends Library {
        Pointer XOpenDisplay(String name);

        int XCloseDisplay(Pointer display);

        int XQueryKeymap(Pointer display, byte[] keys);

        NativeLong XkbKeycodeToKeysym(Pointer display, byte keycode, int group, int level);

        String XKeysymToString(NativeLong keysym);
    }

    private final X11 x11;
    private Pointer display;
    private final byte[] keys = new byte[32];

    private X11Keys(X11 x11, Pointer display) {
        this.x11 = x11;
        this.display = display;
    }

    /** Connects to the X server of {@code DISPLAY}; throws with the reason when there is none. */
    public static X11Keys open() {
        X11 x11;
        try {
            x11 = Native.load("X11", X11.class);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("the keyboard cannot be read: libX11 is not installed", e);
        }
        Pointer display = x11.XOpenDisplay(null);
        if (display == null) {
            throw new IllegalStateException("the keyboard cannot be read: no X display (DISPLAY="
                    + System.getenv("DISPLAY") + "); on Wayland, bind a controller button instead");
        }
        return new X11Keys(x11, display);
    }

    @Override
    public String name() {
        return "Keyboard (X11)";
    }

    @Override
    public synchronized Set<PttButton> pressed() {
        Set<PttButton> down = new HashSet<>();
        if (display == null) {
            return down;
        }
        x11.XQueryKeymap(display, keys);
        for (int code = 8; code < 256; code++) {
            if ((keys[code >> 3] & (1 << (code & 7))) != 0) {
                down.add(PttButton.key(code, label(code)));
            }
        }
        return down;
    }

    @Override
    public synchronized boolean isDown(PttButton button) {
        if (display == null || button.kind() != PttButton.Kind.KEY || button.code() > 255) {
            return false;
        }
        x11.XQueryKeymap(display, keys);
        return (keys[button.code() >> 3] & (1 << (button.code() & 7))) != 0;
    }

    private String label(int code) {
        String name = x11.XKeysymToString(x11.XkbKeycodeToKeysym(display, (byte) code, 0, 0));
        return name == null ? "key " + code : name;
    }

    @Override
    public synchronized void close() {
        if (display != null) {
            x11.XCloseDisplay(display);
            display = null;
        }
    }
}
