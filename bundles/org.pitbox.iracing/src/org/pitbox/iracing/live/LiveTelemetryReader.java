package org.pitbox.iracing.live;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.ibt.IbtFormatException;
import org.pitbox.iracing.ibt.IrsdkHeader;
import org.pitbox.iracing.ibt.IrsdkText;
import org.pitbox.iracing.ibt.VarHeaders;

/**
 * Reads the iRacing shared-memory image (the Windows mapping, or a dump file with the same bytes). Copies the newest
 * row out of the rotating buffers: with SDK 1.19 sims it follows {@code curBuf} and accepts a copy only when
 * {@code tickCountBegin} after the copy equals {@code tickCount} before it; older sims (no begin counts) get the
 * buffer with the highest tick, re-checked after the copy. Two attempts each. Not thread-safe.
 */
public final class LiveTelemetryReader {
    /** No new row for this long means the sim is gone (irsdk_isConnected uses 30 s). */
    public static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int TRIES = 2;

    private final ByteBuffer image;
    private final IrsdkHeader header;
    private final ChannelLayout layout;
    private final LongSupplier nanoTime;
    private boolean hasTick;
    private int lastTick;
    private long lastDataNanos;
    private boolean sessionInfoSeen;
    private int sessionInfoUpdateSeen;

    private LiveTelemetryReader(ByteBuffer image, IrsdkHeader header, ChannelLayout layout, LongSupplier nanoTime) {
        this.image = image;
        this.header = header;
        this.layout = layout;
        this.nanoTime = nanoTime;
        this.lastDataNanos = nanoTime.getAsLong();
    }

    /** Maps a shared-memory dump file read-only. */
    public static LiveTelemetryReader open(Path dump) throws IOException {
        try (FileChannel ch = FileChannel.open(dump, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new IbtFormatException(dump.getFileName() + " is " + size
                        + " bytes, too large for a shared-memory image");
            }
            return over(ch.map(FileChannel.MapMode.READ_ONLY, 0, size), System::nanoTime);
        }
    }

    public static LiveTelemetryReader over(ByteBuffer image) throws IbtFormatException {
        return over(image, System::nanoTime);
    }

    /**
     * Validates the header and var headers of {@code image} (whole buffer from position 0; its byte order is
     * ignored). {@code nanoTime} drives the 30 s timeout.
     */
    public static LiveTelemetryReader over(ByteBuffer image, LongSupplier nanoTime) throws IbtFormatException {
        ByteBuffer img = image.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
        try {
            IrsdkHeader h = IrsdkHeader.read(img, img.capacity());
            for (int i = 0; i < h.numBuf(); i++) {
                int off = img.getInt(IrsdkHeader.varBufAt(i) + 4);
                if (!rowFits(off, h.bufLen(), img.capacity())) {
                    throw new IbtFormatException("varBuf " + i + " row at offset " + off + " (+" + h.bufLen()
                            + " bytes) lies outside the " + img.capacity() + "-byte image");
                }
            }
            ChannelLayout layout = VarHeaders.read(img, h.varHeaderOffset(), h.numVars(), h.bufLen());
            return new LiveTelemetryReader(img, h, layout, nanoTime);
        } catch (RuntimeException e) {
            throw new IbtFormatException("unreadable shared-memory image: " + e, e);
        }
    }

    private static boolean rowFits(int offset, int len, int capacity) {
        return offset >= IrsdkHeader.SIZE && (long) offset + len <= capacity;
    }

    /** The header as validated when the reader was created. */
    public IrsdkHeader header() {
        return header;
    }

    public ChannelLayout layout() {
        return layout;
    }

    /** A frame sized for this reader's rows; allocate once and reuse. */
    public Frame newFrame() {
        return new Frame(layout);
    }

    /** Copies the newest row into {@code frame} if there is one newer than the last read. */
    public ReadStatus read(Frame frame) {
        if (frame.layout() != layout) {
            throw new IllegalArgumentException("frame belongs to another reader");
        }
        if (!statusConnected()) {
            hasTick = false;
            return ReadStatus.DISCONNECTED;
        }
        if (layoutChanged()) {
            return ReadStatus.LAYOUT_CHANGED;
        }
        boolean beginCounts = hasBeginCounts();
        int bufLen = header.bufLen();
        ByteBuffer row = frame.row();
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int at = IrsdkHeader.varBufAt(beginCounts ? currentBuffer() : highestTickBuffer());
            int tick = image.getInt(at);
            if (hasTick && tick == lastTick) {
                return ReadStatus.NO_NEW_DATA;
            }
            int offset = image.getInt(at + 4);
            if (!rowFits(offset, bufLen, image.capacity())) {
                continue;
            }
            VarHandle.acquireFence();
            row.put(0, image, offset, bufLen);
            VarHandle.acquireFence();
            if (image.getInt(at + (beginCounts ? 8 : 0)) == tick) {
                boolean restarted = hasTick && tick < lastTick;
                hasTick = true;
                lastTick = tick;
                lastDataNanos = nanoTime.getAsLong();
                frame.setTick(tick);
                return restarted ? ReadStatus.RESTARTED : ReadStatus.NEW_DATA;
            }
        }
        return ReadStatus.TORN;
    }

    /** SDK 1.19+ sims fill {@code curBufTickCount} and the per-buffer {@code tickCountBegin}. */
    private boolean hasBeginCounts() {
        if (image.getInt(40) != 0) {
            return true;
        }
        for (int i = 0; i < header.numBuf(); i++) {
            if (image.getInt(IrsdkHeader.varBufAt(i) + 8) != 0) {
                return true;
            }
        }
        return false;
    }

    private int currentBuffer() {
        int cur = image.get(44) & 0xFF;
        return cur < header.numBuf() ? cur : 0;
    }

    private int highestTickBuffer() {
        int best = 0;
        for (int i = 1; i < header.numBuf(); i++) {
            if (image.getInt(IrsdkHeader.varBufAt(i)) > image.getInt(IrsdkHeader.varBufAt(best))) {
                best = i;
            }
        }
        return best;
    }

    /** True when the sim rewrote the row size or var-header table since this reader was created. */
    public boolean layoutChanged() {
        return image.getInt(24) != header.numVars() || image.getInt(28) != header.varHeaderOffset()
                || image.getInt(36) != header.bufLen() || image.getInt(32) != header.numBuf();
    }

    /** Status bit 1 of the live header. */
    public boolean statusConnected() {
        return (image.getInt(4) & 1) != 0;
    }

    /** Connected and a new row arrived within the last 30 s (counted from creation before the first row). */
    public boolean isConnected() {
        return statusConnected() && nanoTime.getAsLong() - lastDataNanos < TIMEOUT_NANOS;
    }

    /** Buffer tick count of the last accepted row, -1 before the first. */
    public int lastTick() {
        return hasTick ? lastTick : -1;
    }

    /** True when {@code sessionInfoUpdate} differs from the one {@link #sessionInfoBytes()} last returned. */
    public boolean sessionInfoChanged() {
        return !sessionInfoSeen || image.getInt(12) != sessionInfoUpdateSeen;
    }

    /** The session-info string bytes up to the NUL inside the reserved area; marks this update as seen. */
    public byte[] sessionInfoBytes() {
        byte[] raw;
        int before;
        int attempts = 0;
        do {
            before = image.getInt(12);
            VarHandle.acquireFence();
            raw = IrsdkText.cBytes(image, header.sessionInfoOffset(), header.sessionInfoLength());
            VarHandle.acquireFence();
        } while (image.getInt(12) != before && ++attempts < 3);
        sessionInfoSeen = true;
        sessionInfoUpdateSeen = before;
        return raw;
    }

    /** {@link #sessionInfoBytes()} decoded: cp1252 unless iRacing writes UTF-8 ({@code irsdkUTF8SessionStr=1}). */
    public String sessionInfo(boolean utf8) {
        return IrsdkText.decode(sessionInfoBytes(), utf8);
    }
}
