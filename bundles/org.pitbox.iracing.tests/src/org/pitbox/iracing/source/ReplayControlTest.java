package org.pitbox.iracing.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.ReplayControl;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.ibt.SimulatedIbt;

/** Every row, speed, pause and seek of a replay, over a simulated .ibt and a clock the test turns. */
class ReplayControlTest {
    private static final long SECOND = 1_000_000_000L;
    @TempDir
    static Path dir;
    private static Path file;
    private static int records;

    private final AtomicLong clock = new AtomicLong(77);
    private ReplayFeed feed;
    private ReplayControl control;

    @BeforeAll
    static void writeSession() throws Exception {
        file = dir.resolve("martinsville.ibt");
        records = SimulatedIbt.write(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withDuration(30).withSeed(5),
                file, 1_764_000_000L);
    }

    @BeforeEach
    void open() throws Exception {
        feed = new ReplayFeed(IbtFile.open(file), "martinsville.ibt", clock::get);
        control = feed.replayControl().orElseThrow();
    }

    @AfterEach
    void close() {
        feed.close();
    }

    /** The record the UI would show now. */
    private long shown() {
        Frame frame = new Frame(feed.layout());
        assertTrue(feed.readLatest(frame));
        return frame.tick();
    }

    @Test
    void readNextTakesEveryRecordWhileTheUiTakesTheNewest() {
        control.speed(16);
        Frame ui = new Frame(feed.layout());
        Frame streamer = new Frame(feed.layout());
        long expected = 0;
        while (streamer.tick() < records - 1) {
            clock.addAndGet(7_000_000L);
            feed.readLatest(ui);
            for (int i = 0; i < 20 && feed.readNext(streamer); i++) {
                assertEquals(expected++, streamer.tick(), "no gap, no repeat");
            }
        }
        assertEquals(records, expected);
        assertEquals(records - 1, ui.tick());
        assertFalse(feed.readNext(streamer), "the end");
        assertEquals(FeedStatus.State.ENDED, feed.status().state());
    }

    @Test
    void speedChangesCarryOnFromWhereTheReplayIs() {
        assertEquals(1.0, control.speed());
        clock.addAndGet(SECOND + SECOND / 100);
        assertEquals(60, shown(), "60.6 records in");
        control.speed(16);
        clock.addAndGet(SECOND / 100);
        assertEquals(70, shown(), "60.6 + 9.6 records, the fraction kept across the change");
        control.speed(0.25);
        clock.addAndGet(SECOND / 3);
        assertEquals(75, shown(), "70.2 + 5 records");
        assertEquals(1.25, control.position());
        control.speed(2);
        assertTrue(feed.status().message().contains("at 2x"), feed.status().message());
        assertThrows(IllegalArgumentException.class, () -> control.speed(3));
    }

    @Test
    void pauseHoldsThePosition() {
        clock.addAndGet(2 * SECOND);
        control.pause();
        assertTrue(control.paused());
        clock.addAndGet(60 * SECOND);
        assertEquals(2.0, control.position());
        assertTrue(feed.status().message().startsWith("Paused"), feed.status().message());
        assertEquals(FeedStatus.State.LIVE, feed.status().state());
        Frame streamer = new Frame(feed.layout());
        int taken = 0;
        while (feed.readNext(streamer)) {
            taken++;
        }
        assertEquals(121, taken, "every record up to the pause, then nothing");
        control.resume();
        clock.addAndGet(SECOND / 2);
        assertEquals(2.5, control.position());
        assertTrue(feed.readNext(streamer));
        assertEquals(121, streamer.tick());
    }

    @Test
    void aReaderFarBehindSkipsToTheLastTwoSeconds() {
        clock.addAndGet(10 * SECOND);
        Frame streamer = new Frame(feed.layout());
        assertTrue(feed.readNext(streamer));
        assertEquals(600 - 120, streamer.tick());
        control.speed(4);
        clock.addAndGet(2 * SECOND);
        assertTrue(feed.readNext(streamer));
        assertEquals(1080 - 480, streamer.tick(), "two seconds at 4x");
    }

    @Test
    void seekJumpsForwardsAndBack() {
        Frame streamer = new Frame(feed.layout());
        assertTrue(feed.readNext(streamer));
        control.seek(10);
        assertEquals(10.0, control.position());
        assertTrue(feed.readNext(streamer));
        assertEquals(600, streamer.tick(), "a reader skips to where the replay jumped");
        assertFalse(feed.readNext(streamer));
        clock.addAndGet(SECOND / 60 + 1);
        assertTrue(feed.readNext(streamer));
        assertEquals(601, streamer.tick());
        control.seek(5);
        assertTrue(feed.readNext(streamer));
        assertEquals(300, streamer.tick(), "and back");
        assertEquals(300, shown());
        control.seek(-3);
        assertEquals(0.0, control.position());
        control.seek(1e6);
        assertEquals(control.duration(), control.position());
        assertEquals((records - 1) / 60.0, control.duration());
        assertEquals(FeedStatus.State.ENDED, feed.status().state());
    }
}
