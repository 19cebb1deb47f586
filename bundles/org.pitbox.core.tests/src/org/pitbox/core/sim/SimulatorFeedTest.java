package org.pitbox.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.Frame;

class SimulatorFeedTest {
    private final AtomicLong clock = new AtomicLong(42);

    private SimulatorFeed feed(SimOptions options) {
        return new SimulatorFeed(new TelemetrySimulator(options), clock::get);
    }

    @Test
    void followsTheWallClockAt60Hz() {
        SimulatorFeed feed = feed(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(2).withSeed(3));
        Frame frame = new Frame(feed.layout());
        assertTrue(feed.readLatest(frame));
        assertEquals(0, frame.tick());
        assertFalse(feed.readLatest(frame), "nothing new within the same tick");
        clock.addAndGet(1_000_000_000L);
        assertTrue(feed.readLatest(frame));
        assertEquals(60, frame.tick());
        assertEquals(1.0, frame.sessionTime() - 0.0, 0.02, "one second of session time");
        assertEquals(FeedStatus.State.LIVE, feed.status().state());
    }

    @Test
    void readNextTakesEveryRowWhileTheUiTakesTheNewest() {
        SimulatorFeed feed = feed(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(2).withSeed(3));
        Frame ui = new Frame(feed.layout());
        Frame streamer = new Frame(feed.layout());
        for (int step = 0; step < 2000; step++) {
            clock.addAndGet(3_000_000L);
            feed.readLatest(ui);
            if (step % 5 == 0) {
                long before = streamer.tick();
                while (feed.readNext(streamer)) {
                    assertEquals(++before, streamer.tick(), "no gap, no repeat");
                }
                assertEquals(ui.tick(), streamer.tick(), "drained up to the newest");
            }
        }
        assertEquals(360, ui.tick(), "six seconds at 60 Hz");
    }

    @Test
    void readNextAdvancesTheSimulatorAndShowsAGapAfterAStall() {
        SimulatorFeed feed = feed(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(2).withSeed(3));
        Frame streamer = new Frame(feed.layout());
        assertTrue(feed.readNext(streamer));
        assertEquals(0, streamer.tick());
        assertFalse(feed.readNext(streamer), "the next row is not due yet");
        clock.addAndGet(10_000_000_000L);
        assertTrue(feed.readNext(streamer));
        assertEquals(600 - 119, streamer.tick(), "the oldest of the two seconds kept");
        assertTrue(feed.readNext(streamer));
        assertEquals(600 - 118, streamer.tick());
    }

    @Test
    void endsWhenTheSessionIsOver() {
        SimulatorFeed feed = feed(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(1).withSeed(3));
        Frame frame = new Frame(feed.layout());
        clock.addAndGet(3_600_000_000_000L);
        assertTrue(feed.readLatest(frame));
        assertEquals(FeedStatus.State.ENDED, feed.status().state());
        assertTrue(feed.sessionInfoYaml().contains("Martinsville"));
    }

    @Test
    void sourceIsAlwaysAvailable() {
        SimulatorSource source = new SimulatorSource();
        assertTrue(source.unavailableReason().isEmpty());
        assertFalse(source.needsFile());
        try (LiveFeed feed = source.open(null)) {
            assertTrue(feed.layout().has("Speed"));
        }
    }

    @Test
    void theTrackPropertyPicksTheTrackAndAnUnknownOneSaysWhichExist() {
        SimulatorSource source = new SimulatorSource();
        try {
            System.setProperty(SimulatorSource.TRACK_PROPERTY, "martinsville");
            try (LiveFeed feed = source.open(null)) {
                assertTrue(feed.sessionInfoYaml().contains("Martinsville"));
            }
            System.setProperty(SimulatorSource.TRACK_PROPERTY, "nurburgring");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.open(null));
            assertTrue(e.getMessage().contains("Red Bull Ring"), e.getMessage());
        } finally {
            System.clearProperty(SimulatorSource.TRACK_PROPERTY);
        }
    }
}
