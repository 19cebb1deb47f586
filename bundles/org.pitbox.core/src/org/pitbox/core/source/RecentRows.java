package org.pitbox.core.source;

import java.nio.ByteBuffer;
import org.pitbox.core.telemetry.Frame;

/**
 * The last rows a feed took, so that {@link LiveFeed#readNext} hands every one of them to a reader that polls
 * within the ring's span, however often other readers take the newest. Allocates only when created; not
 * thread-safe (the feed guards it).
 */
public final class RecentRows {
    private final int rowLength;
    private final int capacity;
    private final byte[] rows;
    private final long[] ticks;
    private long added;
    private int count;

    public RecentRows(int rowLength, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.rowLength = rowLength;
        this.capacity = capacity;
        this.rows = new byte[rowLength * capacity];
        this.ticks = new long[capacity];
    }

    /** Copies {@code row} from index 0; a tick that does not rise starts the ring over (the source restarted). */
    public void add(ByteBuffer row, long tick) {
        if (count > 0 && tick <= ticks[slot(added - 1)]) {
            count = 0;
        }
        int slot = slot(added);
        row.get(0, rows, slot * rowLength, rowLength);
        ticks[slot] = tick;
        added++;
        count = Math.min(count + 1, capacity);
    }

    /** The newest row when its tick differs from the frame's. */
    public boolean readLatest(Frame frame) {
        return count > 0 && copy(added - 1, frame);
    }

    /** The row after the frame's tick, or the oldest held when that one is gone; false when there is none newer. */
    public boolean readNext(Frame frame) {
        if (count == 0) {
            return false;
        }
        long tick = frame.tick();
        long lo = added - count;
        long hi = added - 1;
        if (tick >= ticks[slot(hi)]) {
            return tick > ticks[slot(hi)] && copy(lo, frame); // a frame ahead of the ring: the source restarted
        }
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (ticks[slot(mid)] > tick) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return copy(lo, frame);
    }

    private boolean copy(long sequence, Frame frame) {
        int slot = slot(sequence);
        if (ticks[slot] == frame.tick()) {
            return false;
        }
        frame.row().put(0, rows, slot * rowLength, rowLength);
        frame.setTick(ticks[slot]);
        return true;
    }

    private int slot(long sequence) {
        return (int) (sequence % capacity);
    }
}
