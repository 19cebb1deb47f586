package org.pitbox.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

class RecentRowsTest {
    private final ChannelLayout layout = new ChannelLayout(List.of(), 8);
    private final RecentRows recent = new RecentRows(8, 4);
    private final ByteBuffer row = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

    private void add(long tick) {
        row.putLong(0, tick * 10);
        recent.add(row, tick);
    }

    @Test
    void handsOutEachRowOnceThenTheOldestAfterAGap() {
        Frame frame = new Frame(layout);
        assertFalse(recent.readNext(frame), "empty");
        for (long tick = 0; tick < 6; tick++) {
            add(tick);
        }
        assertTrue(recent.readNext(frame));
        assertEquals(2, frame.tick(), "ticks 0 and 1 fell out of four");
        assertEquals(20, frame.row().getLong(0));
        assertTrue(recent.readNext(frame));
        assertEquals(3, frame.tick());
        assertTrue(recent.readLatest(frame));
        assertEquals(5, frame.tick());
        assertFalse(recent.readNext(frame));
        assertFalse(recent.readLatest(frame));
    }

    @Test
    void skipsOverTicksTheSourceNeverHad() {
        add(10);
        add(12);
        add(15);
        Frame frame = new Frame(layout);
        frame.setTick(12);
        assertTrue(recent.readNext(frame));
        assertEquals(15, frame.tick());
        assertEquals(150, frame.row().getLong(0));
    }

    @Test
    void startsOverWhenTheSourceRestarts() {
        add(100);
        add(101);
        Frame frame = new Frame(layout);
        assertTrue(recent.readLatest(frame));
        add(0);
        add(1);
        assertTrue(recent.readNext(frame));
        assertEquals(0, frame.tick(), "a frame ahead of every row takes the oldest");
        assertTrue(recent.readNext(frame));
        assertEquals(1, frame.tick());
    }
}
