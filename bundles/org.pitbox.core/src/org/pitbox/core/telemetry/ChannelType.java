package org.pitbox.core.telemetry;

/** The value types a telemetry channel can hold; codes and sizes follow the iRacing SDK. */
public enum ChannelType {
    CHAR(0, 1), BOOL(1, 1), INT(2, 4), BITFIELD(3, 4), FLOAT(4, 4), DOUBLE(5, 8);

    private final int code;
    private final int bytes;

    ChannelType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The iRacing {@code irsdk_VarType} code. */
    public int code() {
        return code;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** The type for an iRacing type code, or {@code null} when the code is unknown. */
    public static ChannelType ofCode(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }

    private static final ChannelType[] VALUES = values();
}
