package org.pitbox.protocol.codec;

import java.util.Objects;

/**
 * One telemetry channel inside a raw row: iRacing SDK type code
 * (0 char, 1 bool, 2 int, 3 bitfield, 4 float, 5 double), element count and byte offset.
 */
public record ChannelSpec(String name, int type, int count, int offset) {
    public static final int CHAR = 0, BOOL = 1, INT = 2, BITFIELD = 3, FLOAT = 4, DOUBLE = 5;
    static final int MAX_NAME_BYTES = 255;

    public ChannelSpec {
        Objects.requireNonNull(name, "name");
        if (type < CHAR || type > DOUBLE) {
            throw new IllegalArgumentException("unknown channel type " + type + " for " + name);
        }
        if (count < 1 || offset < 0) {
            throw new IllegalArgumentException("bad count/offset for " + name);
        }
    }

    /** Bytes per element: 1 for char/bool, 4 for int/bitfield/float, 8 for double. */
    public int elementSize() {
        return switch (type) {
            case CHAR, BOOL -> 1;
            case DOUBLE -> 8;
            default -> 4;
        };
    }

    /** Offset just past the last element. */
    public long end() {
        return offset + (long) count * elementSize();
    }
}
