package org.pitbox.core.math;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.MemoryRecording;

/** Rows of SessionTime, Speed, Gear, OnPitRoad and a four-car CarIdxLapDistPct, from arrays. */
final class TinyRecording extends MemoryRecording {
    static final ChannelLayout LAYOUT = ChannelLayout.packed(List.of(
            new ChannelDescriptor("SessionTime", ChannelType.DOUBLE, 1, false, "s", "", 0),
            new ChannelDescriptor("Speed", ChannelType.FLOAT, 1, false, "m/s", "", 0),
            new ChannelDescriptor("Gear", ChannelType.INT, 1, false, "", "", 0),
            new ChannelDescriptor("OnPitRoad", ChannelType.BOOL, 1, false, "", "", 0),
            new ChannelDescriptor("CarIdxLapDistPct", ChannelType.FLOAT, 4, false, "%", "", 0)));

    /** Car {@code k}'s LapDistPct is {@code speed / 100 + k / 10}. */
    TinyRecording(double[] time, double[] speed, int[] gear) {
        super(LAYOUT, 10, "", rows(time, speed, gear), time.length);
    }

    private static ByteBuffer rows(double[] time, double[] speed, int[] gear) {
        ByteBuffer rows = ByteBuffer.allocate(time.length * LAYOUT.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < time.length; i++) {
            write(rows, i * LAYOUT.rowLength(), time[i], speed[i], gear[i]);
        }
        return rows;
    }

    static void write(ByteBuffer buf, int at, double time, double speed, int gear) {
        buf.putDouble(at + LAYOUT.require("SessionTime").offset(), time);
        buf.putFloat(at + LAYOUT.require("Speed").offset(), (float) speed);
        buf.putInt(at + LAYOUT.require("Gear").offset(), gear);
        buf.put(at + LAYOUT.require("OnPitRoad").offset(), (byte) (gear == 0 ? 1 : 0));
        ChannelDescriptor pct = LAYOUT.require("CarIdxLapDistPct");
        for (int k = 0; k < 4; k++) {
            buf.putFloat(at + pct.offsetOf(k), (float) (speed / 100 + k / 10.0));
        }
    }

    static Frame frame(double time, double speed, int gear, long tick) {
        Frame f = new Frame(LAYOUT);
        write(f.row(), 0, time, speed, gear);
        f.setTick(tick);
        return f;
    }
}
