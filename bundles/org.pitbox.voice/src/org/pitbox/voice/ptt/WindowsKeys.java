package org.pitbox.voice.ptt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.HashSet;
import java.util.Set;

/**
 * The keyboard (and the mouse's side buttons) on Windows, read whichever window has the focus
 * ({@code GetAsyncKeyState}). Keys are virtual-key codes; the left, right and middle mouse buttons and the
 * generic Shift/Ctrl/Alt codes (their left and right forms are listed) are left out.
 */
public final class WindowsKeys implements ButtonSource {
    interface User32 extends Library {
        short GetAsyncKeyState(int virtualKey);

        int MapVirtualKeyW(int code, int mapType);

        int GetKeyNameTextW(int lParam, char[] buffer, int size);
    }

    private final User32 user32;

    private WindowsKeys(User32 user32) {
        this.user32 = user32;
    }

    public static WindowsKeys open() {
        return new WindowsKeys(Native.load("user32", User32.class));
    }

    @Override
    public String name() {
        return "Keyboard (Windows)";
    }

    @Override
    public Set<PttButton> pressed() {
        Set<PttButton> down = new HashSet<>();
        for (int vk = 0x05; vk < 0xFF; vk++) {
            if (vk != 0x10 && vk != 0x11 && vk != 0x12 && (user32.GetAsyncKeyState(vk) & 0x8000) != 0) {
                down.add(PttButton.key(vk, label(vk)));
            }
        }
        return down;
    }

    @Override
    public boolean isDown(PttButton button) {
        return button.kind() == PttButton.Kind.KEY && button.code() < 0xFF
                && (user32.GetAsyncKeyState(button.code()) & 0x8000) != 0;
    }

    private String label(int vk) {
        if (vk == 0x05 || vk == 0x06) {
            return "mouse button " + (vk - 1);
        }
        char[] name = new char[64];
        int scan = user32.MapVirtualKeyW(vk, 0);
        int length = scan == 0 ? 0 : user32.GetKeyNameTextW(scan << 16, name, name.length);
        return length > 0 ? new String(name, 0, length) : String.format("key 0x%02X", vk);
    }

    @Override
    public void close() {
    }
}
