package org.pitbox.iracing.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.ibt.IbtFormatException;
import org.pitbox.iracing.ibt.VarHeaders;
import org.pitbox.iracing.testdata.SharedData;

class LiveTelemetryReaderTest {
    @ParameterizedTest
    @CsvSource({"teamjorge_live_monza_2024.bin, 2, 323, 8154, 2005", "leonb_memmap_silverstone_2015.bin, 1, 179, 3266,"
            + " 40432"})
    void dumpsReplayThroughTheLivePath(String name, int version, int vars, int bufLen, int newestTick)
            throws IOException {
        LiveTelemetryReader r = LiveTelemetryReader.open(SharedData.iracing("live/" + name));
        assertEquals(version, r.header().version());
        assertEquals(vars, r.layout().channels().size());
        assertEquals(bufLen, r.header().bufLen());
        assertEquals(3, r.header().numBuf());
        assertTrue(r.isConnected());
        Frame f = r.newFrame();
        assertEquals(ReadStatus.NEW_DATA, r.read(f));
        assertEquals(newestTick, f.tick(), "old sims: the buffer with the highest tick");
        assertTrue(f.sessionTime() > 0, "SessionTime " + f.sessionTime());
        float speed = f.getFloat(r.layout().require("Speed"), 0);
        assertTrue(speed >= 0 && speed < 150, "Speed " + speed);
        assertTrue(f.getInt(r.layout().require("SessionNum"), 0) >= 0);
        assertEquals(ReadStatus.NO_NEW_DATA, r.read(f));
        assertTrue(r.sessionInfoChanged());
        String yaml = r.sessionInfo(false);
        assertTrue(yaml.startsWith("---") && yaml.contains("WeekendInfo:"), "session info string found");
        assertTrue(yaml.length() < r.header().sessionInfoLength(), "NUL-terminated inside the reserved area");
        assertFalse(r.sessionInfoChanged());
    }

    /** A 4 KiB image: SessionTime (double) and Speed (float) in three 12-byte buffers. */
    private static ByteBuffer image() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 2).putInt(4, 1).putInt(8, 60).putInt(12, 1).putInt(16, 256).putInt(20, 112).putInt(24, 2)
                .putInt(28, 368).putInt(32, 3).putInt(36, 12);
        for (int i = 0; i < 3; i++) {
            b.putInt(52 + 16 * i, 1024 * (i + 1));
            b.putDouble(1024 * (i + 1), 100 + i).putFloat(1024 * (i + 1) + 8, 10 * i);
        }
        b.put(112, "---\nWeekendInfo:\n".getBytes(StandardCharsets.US_ASCII));
        b.position(368);
        for (ChannelDescriptor c : List.of(new ChannelDescriptor("SessionTime", ChannelType.DOUBLE, 1, false, "s",
                "", 0), new ChannelDescriptor("Speed", ChannelType.FLOAT, 1, false, "m/s", "", 8))) {
            VarHeaders.write(b, c);
        }
        return b.clear();
    }

    private static void buffer(ByteBuffer b, int i, int tick, int tickBegin) {
        b.putInt(48 + 16 * i, tick).putInt(56 + 16 * i, tickBegin);
    }

    @Test
    void sdk119CurBufWithTornReadDetectionAndRestart() throws IOException {
        ByteBuffer img = image();
        img.putInt(40, 10).put(44, (byte) 1);
        buffer(img, 0, 9, 9);
        buffer(img, 1, 10, 10);
        buffer(img, 2, 8, 11);
        LiveTelemetryReader r = LiveTelemetryReader.over(img);
        Frame f = r.newFrame();
        assertEquals(ReadStatus.NEW_DATA, r.read(f));
        assertEquals(10, f.tick());
        assertEquals(101.0, f.sessionTime(), "buffer named by curBuf, not the highest tick");
        assertEquals(10f, f.getFloat(r.layout().require("Speed"), 0));
        assertEquals(ReadStatus.NO_NEW_DATA, r.read(f));

        img.put(44, (byte) 2);
        buffer(img, 2, 11, 14);
        assertEquals(ReadStatus.TORN, r.read(f), "sim began writing tick 14 into the buffer being copied");
        assertEquals(10, r.lastTick());
        buffer(img, 2, 14, 14);
        assertEquals(ReadStatus.NEW_DATA, r.read(f));
        assertEquals(102.0, f.sessionTime());

        img.put(44, (byte) 0);
        buffer(img, 0, 3, 3);
        assertEquals(ReadStatus.RESTARTED, r.read(f));
        assertEquals(3, r.lastTick());
        img.put(44, (byte) 9);
        assertEquals(ReadStatus.NO_NEW_DATA, r.read(f), "curBuf out of range falls back to buffer 0");
    }

    @Test
    void olderSimsUseTheHighestTickAndRecheckIt() throws IOException {
        ByteBuffer img = image();
        img.put(44, (byte) 2);
        buffer(img, 0, 5, 0);
        buffer(img, 1, 7, 0);
        buffer(img, 2, 6, 0);
        LiveTelemetryReader r = LiveTelemetryReader.over(img);
        Frame f = r.newFrame();
        assertEquals(ReadStatus.NEW_DATA, r.read(f));
        assertEquals(7, f.tick());
        assertEquals(101.0, f.sessionTime());
        buffer(img, 0, 8, 0);
        assertEquals(ReadStatus.NEW_DATA, r.read(f));
        assertEquals(100.0, f.sessionTime());
        buffer(img, 0, 1, 0);
        buffer(img, 1, 2, 0);
        buffer(img, 2, 0, 0);
        assertEquals(ReadStatus.RESTARTED, r.read(f));
        assertEquals(2, f.tick());
    }

    @Test
    void connectionTimeoutSessionInfoAndLayoutChanges() throws IOException {
        ByteBuffer img = image();
        buffer(img, 0, 1, 0);
        AtomicLong now = new AtomicLong(1_000);
        LiveTelemetryReader r = LiveTelemetryReader.over(img, now::get);
        Frame f = r.newFrame();
        assertTrue(r.isConnected());
        now.addAndGet(TimeUnit.SECONDS.toNanos(29));
        assertEquals(ReadStatus.NEW_DATA, r.read(f));
        now.addAndGet(TimeUnit.SECONDS.toNanos(29));
        assertTrue(r.isConnected(), "29 s after the last row");
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertFalse(r.isConnected(), "31 s without a new row");

        assertTrue(r.sessionInfoChanged());
        assertEquals("---\nWeekendInfo:\n", r.sessionInfo(false));
        assertFalse(r.sessionInfoChanged());
        img.putInt(12, 2);
        assertTrue(r.sessionInfoChanged());

        img.putInt(4, 0);
        assertEquals(ReadStatus.DISCONNECTED, r.read(f));
        assertFalse(r.isConnected());
        img.putInt(4, 1);
        assertEquals(ReadStatus.NEW_DATA, r.read(f), "after a disconnect the current row counts as new");
        img.putInt(36, 16);
        assertEquals(ReadStatus.LAYOUT_CHANGED, r.read(f));
    }

    @Test
    void badImagesAreRejected() {
        assertEquals("file is truncated: 50 bytes, the header alone needs 112", assertThrows(IbtFormatException.class,
                () -> LiveTelemetryReader.over(ByteBuffer.allocate(50))).getMessage());
        ByteBuffer img = image();
        img.putInt(52 + 16, 4090);
        assertEquals("varBuf 1 row at offset 4090 (+12 bytes) lies outside the 4096-byte image",
                assertThrows(IbtFormatException.class, () -> LiveTelemetryReader.over(img)).getMessage());
        ByteBuffer v = image().putInt(0, 7);
        assertEquals("not an iRacing telemetry file: header version 7 (expected 1 or 2)",
                assertThrows(IbtFormatException.class, () -> LiveTelemetryReader.over(v)).getMessage());
    }
}
