package org.pitbox.iracing.windows;

/** Packing of broadcast-message arguments into WPARAM/LPARAM as irsdk_utils.cpp does. */
public final class MessagePacking {
    private MessagePacking() {
    }

    /** {@code MAKELONG(low, high)}: two 16-bit halves in one 32-bit value. */
    public static int makeLong(int low, int high) {
        return (high << 16) | (low & 0xFFFF);
    }

    /** WPARAM of a broadcast: {@code MAKELONG(msg, var1)}. */
    public static int wParam(BroadcastMessage msg, int var1) {
        return makeLong(msg.code(), var1);
    }

    /** The float form: {@code (int)(value * 65536)}. */
    public static int fixed16(float value) {
        return (int) (value * 65536.0f);
    }
}
