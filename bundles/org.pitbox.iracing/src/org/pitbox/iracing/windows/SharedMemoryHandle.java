package org.pitbox.iracing.windows;

import java.nio.ByteBuffer;

/** The mapped iRacing memory and its data-valid event; implemented with JNA on Windows only. */
interface SharedMemoryHandle {
    ByteBuffer buffer();

    boolean waitForData(int timeoutMillis);

    void close();
}
