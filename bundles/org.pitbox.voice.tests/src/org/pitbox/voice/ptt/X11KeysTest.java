package org.pitbox.voice.ptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keyboard read from the X server (Xvfb in the build) while keys are pressed through the XTEST extension, as
 * a keyboard would: binding a key, then watching it.
 */
class X11KeysTest {
    interface Xlib extends Library {
        Pointer XOpenDisplay(String name);

        int XCloseDisplay(Pointer display);

        int XFlush(Pointer display);

        NativeLong XStringToKeysym(String name);

        byte XKeysymToKeycode(Pointer display, NativeLong keysym);
    }

    interface Xtst extends Library {
        int XTestFakeKeyEvent(Pointer display, int keycode, boolean press, NativeLong delay);
    }

    private Xlib xlib;
    private Xtst xtst;
    private Pointer display;
    private int space;

    @BeforeEach
    void connect() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getenv("DISPLAY") != null,
                "skipped: needs Linux with an X display (the build runs under Xvfb)");
        try {
            xlib = Native.load("X11", Xlib.class);
            xtst = Native.load("Xtst", Xtst.class);
        } catch (UnsatisfiedLinkError e) {
            assumeTrue(false, "skipped: libX11 or libXtst missing: " + e.getMessage());
        }
        display = xlib.XOpenDisplay(null);
        assumeTrue(display != null, "skipped: cannot open DISPLAY " + System.getenv("DISPLAY"));
        space = xlib.XKeysymToKeycode(display, xlib.XStringToKeysym("space")) & 0xFF;
    }

    @AfterEach
    void disconnect() {
        if (display != null) {
            key(false);
            xlib.XCloseDisplay(display);
        }
    }

    private void key(boolean down) {
        xtst.XTestFakeKeyEvent(display, space, down, new NativeLong(0));
        xlib.XFlush(display);
    }

    @Test
    void aKeyIsBoundThenWatched() throws Exception {
        try (X11Keys keys = X11Keys.open(); PttButtons buttons = new PttButtons(List.of(keys), List.of())) {
            CompletableFuture<PttButton> bound = CompletableFuture.supplyAsync(() -> {
                try {
                    return buttons.waitForPress(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            key(true);
            PttButton button = bound.get(10, TimeUnit.SECONDS);
            assertNotNull(button, "the pressed key was seen");
            assertEquals(space, button.code());
            assertEquals("space", button.label());
            assertTrue(buttons.isDown(button));
            key(false);
            // the X server may take the release a little later: the watch must start with the key up
            for (int i = 0; i < 500 && buttons.isDown(button); i++) {
                Thread.sleep(10);
            }
            assertFalse(buttons.isDown(button), "the key was released before it is watched");

            List<String> events = new CopyOnWriteArrayList<>();
            try (AutoCloseable watch = buttons.watch(button, new PttButtons.Listener() {
                @Override
                public void pressed() {
                    events.add("down");
                }

                @Override
                public void released() {
                    events.add("up");
                }
            })) {
                Thread.sleep(100);
                key(true);
                waitFor(events, 1);
                key(false);
                waitFor(events, 2);
            }
            assertEquals(List.of("down", "up"), events);
            assertFalse(buttons.isDown(button));
        }
    }

    private static void waitFor(List<String> events, int size) throws InterruptedException {
        for (int i = 0; i < 500 && events.size() < size; i++) {
            Thread.sleep(10);
        }
        assertEquals(size, events.size(), events.toString());
    }
}
