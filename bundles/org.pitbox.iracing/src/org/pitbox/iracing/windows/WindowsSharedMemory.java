package org.pitbox.iracing.windows;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.pitbox.iracing.ibt.IbtFormatException;
import org.pitbox.iracing.live.LiveTelemetryReader;

/**
 * The live iRacing telemetry mapping {@code Local\IRSDKMemMapFileName} and its data-valid event. Hand
 * {@link #buffer()} to {@link LiveTelemetryReader}; call {@link #waitForData(int)} between reads (no spinning).
 */
public final class WindowsSharedMemory implements AutoCloseable {
    static final String UNAVAILABLE = "Live telemetry from shared memory is only available on Windows with iRacing"
            + " running";
    public static final String MAPPING_NAME = "Local\\IRSDKMemMapFileName";
    public static final String EVENT_NAME = "Local\\IRSDKDataValidEvent";

    private final SharedMemoryHandle handle;

    private WindowsSharedMemory(SharedMemoryHandle handle) {
        this.handle = handle;
    }

    /**
     * Opens the mapping read-only.
     *
     * @throws UnsupportedOperationException off Windows
     * @throws IOException                   when iRacing is not running (no mapping yet)
     */
    public static WindowsSharedMemory open() throws IOException {
        if (!Platform.isWindows()) {
            throw new UnsupportedOperationException(UNAVAILABLE);
        }
        return new WindowsSharedMemory(Win32SharedMemory.open());
    }

    /** The whole mapping, little-endian, read-only. */
    public ByteBuffer buffer() {
        return handle.buffer();
    }

    /** A reader over the mapping; validates the header. */
    public LiveTelemetryReader reader() throws IbtFormatException {
        return LiveTelemetryReader.over(buffer());
    }

    /** Waits up to {@code timeoutMillis} for the sim to signal a new row; true when signalled. */
    public boolean waitForData(int timeoutMillis) {
        return handle.waitForData(timeoutMillis);
    }

    @Override
    public void close() {
        handle.close();
    }
}
