package org.pitbox.core.telemetry;

import java.nio.ByteBuffer;

/**
 * Typed reads of one channel element from a little-endian buffer holding rows.
 * {@code rowStart} is the absolute position of the row inside the buffer.
 */
public final class Rows {
    private Rows() {
    }

    /** Any element as a double: bool and char as 0/1 and byte value, bit fields unsigned. */
    public static double asDouble(ByteBuffer buf, int rowStart, ChannelDescriptor c, int index) {
        int at = rowStart + c.offsetOf(index);
        return switch (c.type()) {
            case CHAR -> buf.get(at) & 0xFF;
            case BOOL -> buf.get(at) != 0 ? 1 : 0;
            case INT -> buf.getInt(at);
            case BITFIELD -> buf.getInt(at) & 0xFFFFFFFFL;
            case FLOAT -> buf.getFloat(at);
            case DOUBLE -> buf.getDouble(at);
        };
    }

    /** Writes {@code value} into one element, converted to the channel's type. */
    public static void put(ByteBuffer buf, int rowStart, ChannelDescriptor c, int index, double value) {
        int at = rowStart + c.offsetOf(index);
        switch (c.type()) {
            case DOUBLE -> buf.putDouble(at, value);
            case FLOAT -> buf.putFloat(at, (float) value);
            case INT, BITFIELD -> buf.putInt(at, (int) (long) value);
            case BOOL, CHAR -> buf.put(at, (byte) value);
        }
    }

    public static float getFloat(ByteBuffer buf, int rowStart, ChannelDescriptor c, int index) {
        return buf.getFloat(rowStart + c.offsetOf(index));
    }

    public static double getDouble(ByteBuffer buf, int rowStart, ChannelDescriptor c, int index) {
        return buf.getDouble(rowStart + c.offsetOf(index));
    }

    public static int getInt(ByteBuffer buf, int rowStart, ChannelDescriptor c, int index) {
        return buf.getInt(rowStart + c.offsetOf(index));
    }

    public static boolean getBool(ByteBuffer buf, int rowStart, ChannelDescriptor c, int index) {
        return buf.get(rowStart + c.offsetOf(index)) != 0;
    }
}
