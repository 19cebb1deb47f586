package org.pitbox.iracing.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.live.LiveTelemetryReader;
import org.pitbox.iracing.testdata.SharedData;

/** The live feed, fed by the real memory dumps through the same reader that maps iRacing on Windows. */
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
