package org.pitbox.voice.ptt;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.util.HashSet;
import java.util.Set;

/**
 * Game controllers and wheels on Windows through the multimedia joystick API ({@code joyGetPosEx} in winmm): up
 * to 16 devices and 32 buttons each, which covers wheel rims and button boxes.
 */
public final class WindowsJoysticks implements ButtonSource {
    interface WinMM extends Library {
        int joyGetNumDevs();

        int joyGetPosEx(int id, Memory info);

        int joyGetDevCapsW(long id, Memory caps, int size);
    }

    private static final int JOYINFOEX_BYTES = 52, JOY_RETURNBUTTONS = 0x80, BUTTONS_OFFSET = 32;
    private static final int JOYCAPSW_BYTES = 728, NAME_OFFSET = 4, NAME_CHARS = 32;

    private final WinMM winmm;
    private final Memory info = new Memory(JOYINFOEX_BYTES);
    private final String[] names;

    private WindowsJoysticks(WinMM winmm) {
        this.winmm = winmm;
        this.names = new String[Math.min(16, Math.max(0, winmm.joyGetNumDevs()))];
    }

    public static WindowsJoysticks open() {
        return new WindowsJoysticks(Native.load("winmm", WinMM.class));
    }

    @Override
    public String name() {
        return "Controllers (Windows)";
    }

    @Override
    public synchronized Set<PttButton> pressed() {
        Set<PttButton> down = new HashSet<>();
        for (int id = 0; id < names.length; id++) {
            int buttons = buttons(id);
            for (int b = 0; b < 32; b++) {
                if ((buttons & (1 << b)) != 0) {
                    down.add(PttButton.controller(name(id), b));
                }
            }
        }
        return down;
    }

    /** The buttons held on device {@code id}, a bit each; 0 when it is not connected. */
    private int buttons(int id) {
        info.clear();
        info.setInt(0, JOYINFOEX_BYTES);
        info.setInt(4, JOY_RETURNBUTTONS);
        return winmm.joyGetPosEx(id, info) == 0 ? info.getInt(BUTTONS_OFFSET) : 0;
    }

    private String name(int id) {
        if (names[id] == null) {
            Memory caps = new Memory(JOYCAPSW_BYTES);
            caps.clear();
            String name = winmm.joyGetDevCapsW(id, caps, JOYCAPSW_BYTES) == 0 ? caps.getWideString(NAME_OFFSET) : "";
            name = name.length() > NAME_CHARS ? name.substring(0, NAME_CHARS) : name;
            names[id] = name.isBlank() ? "controller " + (id + 1) : name.strip();
        }
        return names[id];
    }

    @Override
    public void close() {
    }
}
