package org.pitbox.core.telemetry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The newest row of a live feed, copied into a buffer the consumer owns and the source refills: reading
 * a frame allocates nothing. Not thread-safe; hand values, not the frame, to other threads.
 */
public final class Frame {
    private final ChannelLayout layout;
    private final ChannelDescriptor sessionTimeChannel;
    private final ByteBuffer row;
    private long tick = -1;

    public Frame(ChannelLayout layout) {
        this.layout = layout;
        this.sessionTimeChannel = layout.find("SessionTime").orElse(null);
        this.row = ByteBuffer.allocate(layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
    }

    public ChannelLayout layout() {
        return layout;
    }

    /** The row bytes, little-endian, starting at 0; sources copy into it, consumers read from it. */
    public ByteBuffer row() {
        return row;
    }

    /** The source's counter of this row (for iRacing the buffer tick, not SessionTick); -1 before the first. */
    public long tick() {
        return tick;
    }

    /** Sources call this after filling {@link #row()}. */
    public void setTick(long tick) {
        this.tick = tick;
    }

    public boolean isEmpty() {
        return tick < 0;
    }

    /** SessionTime of this row in seconds, NaN when the layout has none. */
    public double sessionTime() {
        return sessionTimeChannel == null ? Double.NaN : Rows.asDouble(row, 0, sessionTimeChannel, 0);
    }

    /** Any element as a double. */
    public double value(ChannelDescriptor c, int index) {
        return Rows.asDouble(row, 0, c, index);
    }

    public float getFloat(ChannelDescriptor c, int index) {
        return Rows.getFloat(row, 0, c, index);
    }

    public double getDouble(ChannelDescriptor c, int index) {
        return Rows.getDouble(row, 0, c, index);
    }

    public int getInt(ChannelDescriptor c, int index) {
        return Rows.getInt(row, 0, c, index);
    }

    public boolean getBool(ChannelDescriptor c, int index) {
        return Rows.getBool(row, 0, c, index);
    }
}
