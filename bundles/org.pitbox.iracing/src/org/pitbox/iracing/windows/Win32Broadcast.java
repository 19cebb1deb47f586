package org.pitbox.iracing.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinDef.LPARAM;
import com.sun.jna.platform.win32.WinDef.WPARAM;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** JNA side of {@link BroadcastMessages}; loaded only on Windows. */
final class Win32Broadcast implements MessageSender {
    private static final HWND HWND_BROADCAST = new HWND(Pointer.createConstant(0xFFFF));

    /** SendNotifyMessage is not in jna-platform's User32. */
    interface User32Notify extends StdCallLibrary {
        User32Notify INSTANCE = Native.load("user32", User32Notify.class, W32APIOptions.DEFAULT_OPTIONS);

        boolean SendNotifyMessage(HWND hWnd, int msg, WPARAM wParam, LPARAM lParam);
    }

    private final int message;

    private Win32Broadcast(int message) {
        this.message = message;
    }

    static MessageSender create() {
        int msg = User32.INSTANCE.RegisterWindowMessage("IRSDK_BROADCASTMSG");
        if (msg == 0) {
            throw new UnsupportedOperationException(BroadcastMessages.UNAVAILABLE
                    + " (RegisterWindowMessage failed, error " + Native.getLastError() + ")");
        }
        return new Win32Broadcast(msg);
    }

    @Override
    public void send(int wParam, int lParam) {
        User32Notify.INSTANCE.SendNotifyMessage(HWND_BROADCAST, message, new WPARAM(wParam & 0xFFFFFFFFL),
                new LPARAM(lParam));
    }
}
