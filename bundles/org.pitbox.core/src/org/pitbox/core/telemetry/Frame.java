package org.pitbox.core.telemetry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The newest row of a live feed, copied into a buffer the reader owns and reuses: reading a frame
 * allocates nothing. Not thread-safe; each consumer keeps its own frame.
 */
public final class Frame {
    private final ChannelLayout layout;
    private final ByteBuffer row;
    private long tick = -1;

    public Frame(ChannelLayout layout) {
        this.layout = layout;
        this.row = ByteBuffer.allocate(layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
    }

    public ChannelLayout layout() {
        return layout;
    }

    /** The row bytes at position 0; sources copy into it, readers read from it. */
    public ByteBuffer row() {
        return row;
    }

    /** The source's tick counter of this row, -1 before the first row. */
    public long tick() {
        return tick;
    }

    public void setTick(long tick) {
        this.tick = tick;
    }

    public boolean isEmpty() {
        return tick < 0;
    }

    public float getFloat(ChannelDescriptor c) {
        return Rows.getFloat(row, 0, c, 0);
    }

    public int getInt(ChannelDescriptor c) {
        return Rows.getInt(row, 0, c, 0);
    }

    public boolean getBool(ChannelDescriptor c) {
        return Rows.getBool(row, 0, c, 0);
    }

    /** Any element as a double. */
    public double value(ChannelDescriptor c, int index) {
        return Rows.asDouble(row, 0, c, index);
    }
}
