package org.pitbox.iracing.live;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Rows;

/**
 * One copied live row, owned by the caller and refilled by {@link LiveTelemetryReader#read} without allocating.
 * Not thread-safe: hand values, not the frame, to other threads.
 */
public final class Frame {
    private final ChannelLayout layout;
    private final ChannelDescriptor sessionTimeChannel;
    private final ByteBuffer row;
    private final ByteBuffer view;
    private int tick;
    private double sessionTime = Double.NaN;

    Frame(ChannelLayout layout) {
        this.layout = layout;
        this.sessionTimeChannel = layout.find("SessionTime").orElse(null);
        this.row = ByteBuffer.allocate(layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        this.view = row.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    ByteBuffer buffer() {
        return row;
    }

    void filled(int tickCount) {
        tick = tickCount;
        sessionTime = sessionTimeChannel == null ? Double.NaN : Rows.asDouble(row, 0, sessionTimeChannel, 0);
    }

    public ChannelLayout layout() {
        return layout;
    }

    /** The row bytes (read-only, little-endian, row starts at 0). */
    public ByteBuffer row() {
        return view;
    }

    /** The shared-memory buffer tick count of this row (not SessionTick). */
    public int tick() {
        return tick;
    }

    /** SessionTime of this row in seconds, NaN when the layout has no SessionTime. */
    public double sessionTime() {
        return sessionTime;
    }

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
