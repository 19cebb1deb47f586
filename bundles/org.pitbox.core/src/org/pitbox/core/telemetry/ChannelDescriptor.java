package org.pitbox.core.telemetry;

import java.util.Objects;

/**
 * One self-describing channel of a telemetry row.
 *
 * @param name        channel name, for example {@code Speed}
 * @param type        value type
 * @param count       number of elements (1 for scalars)
 * @param countAsTime true when the elements are sub-samples in time (360 Hz arrays), not separate values
 * @param unit        unit text, may be empty
 * @param description human description, may be empty
 * @param offset      byte offset of the first element inside a row
 */
public record ChannelDescriptor(String name, ChannelType type, int count, boolean countAsTime,
        String unit, String description, int offset) {

    public ChannelDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
        if (count < 1) {
            throw new IllegalArgumentException("channel " + name + ": count " + count + " < 1");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("channel " + name + ": negative offset " + offset);
        }
    }

    /** Bytes taken by all elements. */
    public int byteSize() {
        return type.bytes() * count;
    }

    /** Byte offset of element {@code index} inside a row. */
    public int offsetOf(int index) {
        return offset + index * type.bytes();
    }

    public boolean isArray() {
        return count > 1;
    }
}
