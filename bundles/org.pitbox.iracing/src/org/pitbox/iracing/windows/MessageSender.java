package org.pitbox.iracing.windows;

/** Posts one broadcast window message; the Windows implementation is the only one touching JNA. */
interface MessageSender {
    void send(int wParam, int lParam);
}
