package org.pitbox.iracing.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.ibt.VarHeaders;
import org.pitbox.iracing.live.LiveTelemetryReader;
import org.pitbox.iracing.testdata.SharedData;

/** The live feed, fed by real memory dumps and a made-up image through the reader that maps iRacing on Windows. */
class SharedMemoryFeedTest {
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);

    @ParameterizedTest
    @ValueSource(strings = {"live/teamjorge_live_monza_2024.bin", "live/leonb_memmap_silverstone_2015.bin"})
    void dumpsReplayThroughTheLiveFeed(String dump) {
        var file = SharedData.iracing(dump);
        SharedMemoryFeed feed = new SharedMemoryFeed(
                () -> new SharedMemoryFeed.Connection(LiveTelemetryReader.open(file), () -> { }), clock::get);
        Frame empty = new Frame(feed.layout());
        assertFalse(feed.readLatest(empty), "the first call connects; the consumer then rebuilds its frame");
        Frame frame = new Frame(feed.layout());
        assertTrue(feed.readLatest(frame));
        assertEquals(FeedStatus.State.LIVE, feed.status().state());
        assertTrue(frame.sessionTime() > 0, "SessionTime " + frame.sessionTime());
        float speed = frame.getFloat(feed.layout().require("Speed"), 0);
        assertTrue(speed >= 0 && speed < 120, "Speed " + speed);
        assertTrue(feed.sessionInfoYaml().contains("WeekendInfo:"));
        assertFalse(feed.readLatest(frame), "a dump does not change: nothing new the second time");
        feed.close();
    }

    @Test
    void readNextTakesEveryRowWhileTheUiTakesTheNewest() throws Exception {
        ByteBuffer image = image();
        SharedMemoryFeed feed = new SharedMemoryFeed(
                () -> new SharedMemoryFeed.Connection(LiveTelemetryReader.over(image, clock::get), () -> { }),
                clock::get);
        assertFalse(feed.readLatest(new Frame(feed.layout())), "connects");
        Frame ui = new Frame(feed.layout());
        Frame other = new Frame(feed.layout());
        Frame streamer = new Frame(feed.layout());
        for (int tick = 1; tick <= 300; tick++) {
            write(image, tick);
            assertTrue(feed.readLatest(ui));
            assertTrue(feed.readLatest(other), "a second display reader gets the same row");
            if (tick % 10 == 0) {
                for (int expected = tick - 9; expected <= tick; expected++) {
                    assertTrue(feed.readNext(streamer));
                    assertEquals(expected, streamer.tick());
                    assertEquals(expected / 60.0, streamer.sessionTime());
                }
                assertFalse(feed.readNext(streamer));
            }
        }
        feed.close();
    }

    /** A live image with one channel, SessionTime, in three 8-byte rotating buffers; SDK 1.19 tick counts. */
    private static ByteBuffer image() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 2).putInt(4, 1).putInt(8, 60).putInt(12, 1).putInt(16, 256).putInt(20, 112).putInt(24, 1)
                .putInt(28, 368).putInt(32, 3).putInt(36, 8);
        for (int i = 0; i < 3; i++) {
            b.putInt(52 + 16 * i, 1024 * (i + 1));
        }
        b.put(112, "---\nWeekendInfo:\n".getBytes(StandardCharsets.US_ASCII));
        VarHeaders.write(b.position(368),
                new ChannelDescriptor("SessionTime", ChannelType.DOUBLE, 1, false, "s", "", 0));
        return b.clear();
    }

    /** The sim writes {@code tick} into the next buffer and names it current. */
    private static void write(ByteBuffer b, int tick) {
        int buffer = tick % 3;
        b.putDouble(1024 * (buffer + 1), tick / 60.0);
        b.putInt(48 + 16 * buffer, tick).putInt(56 + 16 * buffer, tick).putInt(40, tick).put(44, (byte) buffer);
    }

    @Test
    void waitsForTheSimWithoutSpinning() {
        AtomicInteger attempts = new AtomicInteger();
        SharedMemoryFeed feed = new SharedMemoryFeed(() -> {
            attempts.incrementAndGet();
            throw new IOException("iRacing is not running");
        }, clock::get);
        Frame frame = new Frame(feed.layout());
        for (int i = 0; i < 100; i++) {
            assertFalse(feed.readLatest(frame));
        }
        assertEquals(1, attempts.get(), "one attempt per second, however often the UI polls");
        clock.addAndGet(1_000_000_000L);
        feed.readLatest(frame);
        assertEquals(2, attempts.get());
        assertEquals(FeedStatus.State.WAITING, feed.status().state());
        assertTrue(feed.status().message().startsWith("Waiting for iRacing"), feed.status().message());
    }

    @Test
    void liveSourceExplainsWhereItWorks() {
        IracingLiveSource source = new IracingLiveSource();
        if (!System.getProperty("os.name", "").startsWith("Windows")) {
            assertEquals("Only available on Windows with iRacing running", source.unavailableReason().orElseThrow());
        }
        assertEquals("iracing-live", source.id());
    }
}
