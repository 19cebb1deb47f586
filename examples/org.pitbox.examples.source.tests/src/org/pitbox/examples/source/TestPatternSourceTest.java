package org.pitbox.examples.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pitbox.core.telemetry.Frame;

/** How a plugin author tests a source: plain JUnit, a fake clock, no OSGi. */
class TestPatternSourceTest {
    private double now;

    @Test
    void sweepsTheDashboardChannels() {
        TestPatternSource.PatternFeed feed = new TestPatternSource.PatternFeed(() -> now);
        Frame frame = new Frame(feed.layout());
        assertTrue(feed.readLatest(frame));
        assertEquals(0f, frame.getFloat(feed.layout().require("Speed"), 0));
        assertFalse(feed.readLatest(frame), "same tick, nothing new");
        now = 10;
        assertTrue(feed.readLatest(frame));
        assertEquals(80f, frame.getFloat(feed.layout().require("Speed"), 0), 1e-3, "full speed at half lap");
        assertEquals(6, frame.getInt(feed.layout().require("Gear"), 0));
        now = 45;
        feed.readLatest(frame);
        assertEquals(3, frame.getInt(feed.layout().require("Lap"), 0));
        assertEquals(0.25f, frame.getFloat(feed.layout().require("LapDistPct"), 0), 1e-6);
    }

    @Test
    void describesItself() {
        TestPatternSource source = new TestPatternSource();
        assertTrue(source.unavailableReason().isEmpty());
        assertEquals("example-test-pattern", source.id());
    }
}
