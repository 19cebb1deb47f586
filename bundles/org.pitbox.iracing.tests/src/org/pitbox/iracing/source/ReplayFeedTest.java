package org.pitbox.iracing.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.testdata.SharedData;

class ReplayFeedTest {
    @Test
    void replaysInRealTimeAndEnds() throws Exception {
        var file = SharedData.iracing("ibt/robroberts_skmodified_langley_2015-05-28_14-50-46.ibt");
        AtomicLong clock = new AtomicLong();
        try (IbtFile ibt = IbtFile.open(file)) {
            ReplayFeed feed = new ReplayFeed(IbtFile.open(file), "langley", clock::get);
            Frame frame = new Frame(feed.layout());
            assertTrue(feed.readLatest(frame));
            assertEquals(0, frame.tick());
            assertFalse(feed.readLatest(frame), "same instant, same row");
            clock.set(2_000_000_000L);
            assertTrue(feed.readLatest(frame));
            assertEquals(120, frame.tick(), "two seconds at 60 Hz");
            var speed = ibt.layout().require("Speed");
            assertEquals(ibt.value(120, speed, 0), frame.value(speed, 0));
            assertEquals(FeedStatus.State.LIVE, feed.status().state());
            clock.set(1_000_000_000_000L);
            assertTrue(feed.readLatest(frame));
            assertEquals(ibt.recordCount() - 1, frame.tick());
            assertEquals(FeedStatus.State.ENDED, feed.status().state());
            feed.close();
        }
    }
}
