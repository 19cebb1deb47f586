package org.pitbox.iracing.windows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.BaseTSD.SIZE_T;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.MEMORY_BASIC_INFORMATION;

/** JNA side of {@link WindowsSharedMemory}; loaded only on Windows. */
final class Win32SharedMemory implements SharedMemoryHandle {
    private static final int FILE_MAP_READ = 0x0004;
    private static final int SYNCHRONIZE = 0x00100000;
    private static final int WAIT_OBJECT_0 = 0;

    private final HANDLE mapping;
    private final Pointer view;
    private final HANDLE event;
    private final ByteBuffer buffer;

    private Win32SharedMemory(HANDLE mapping, Pointer view, HANDLE event, ByteBuffer buffer) {
        this.mapping = mapping;
        this.view = view;
        this.event = event;
        this.buffer = buffer;
    }

    static SharedMemoryHandle open() throws IOException {
        Kernel32 k = Kernel32.INSTANCE;
        HANDLE mapping = k.OpenFileMapping(FILE_MAP_READ, false, WindowsSharedMemory.MAPPING_NAME);
        if (mapping == null) {
            throw new IOException("iRacing is not running: " + WindowsSharedMemory.MAPPING_NAME
                    + " not found (error " + Native.getLastError() + ")");
        }
        Pointer view = k.MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0);
        if (view == null) {
            int error = Native.getLastError();
            k.CloseHandle(mapping);
            throw new IOException("cannot map " + WindowsSharedMemory.MAPPING_NAME + " (error " + error + ")");
        }
        MEMORY_BASIC_INFORMATION info = new MEMORY_BASIC_INFORMATION();
        k.VirtualQueryEx(k.GetCurrentProcess(), view, info, new SIZE_T(info.size()));
        long size = info.regionSize.longValue();
        HANDLE event = k.OpenEvent(SYNCHRONIZE, false, WindowsSharedMemory.EVENT_NAME);
        if (size <= 0 || size > Integer.MAX_VALUE || event == null) {
            k.UnmapViewOfFile(view);
            k.CloseHandle(mapping);
            if (event != null) {
                k.CloseHandle(event);
            }
            throw new IOException("cannot open iRacing telemetry: mapping size " + size + ", data event "
                    + (event == null ? "missing" : "present"));
        }
        ByteBuffer buffer = view.getByteBuffer(0, size).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return new Win32SharedMemory(mapping, view, event, buffer);
    }

    @Override
    public ByteBuffer buffer() {
        return buffer;
    }

    @Override
    public boolean waitForData(int timeoutMillis) {
        return Kernel32.INSTANCE.WaitForSingleObject(event, timeoutMillis) == WAIT_OBJECT_0;
    }

    @Override
    public void close() {
        Kernel32 k = Kernel32.INSTANCE;
        k.UnmapViewOfFile(view);
        k.CloseHandle(event);
        k.CloseHandle(mapping);
    }
}
