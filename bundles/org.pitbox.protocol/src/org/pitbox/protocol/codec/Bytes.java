package org.pitbox.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Varint and bounds-checked reads shared by the headers. */
final class Bytes {
    private Bytes() {
    }

    static void putVarint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    static void putVarint(ByteBuffer out, int value) {
        while ((value & ~0x7F) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    /** Reads a non-negative varint no larger than max. */
    static int getVarint(ByteBuffer in, int max, String what) throws CodecException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = getByte(in, what);
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0 || value > max) {
                    throw new CodecException(what + " out of range: " + Integer.toUnsignedString(value));
                }
                return value;
            }
        }
        throw new CodecException(what + ": varint too long");
    }

    static void putIntLE(ByteBuffer out, int value) {
        out.put((byte) value).put((byte) (value >>> 8)).put((byte) (value >>> 16)).put((byte) (value >>> 24));
    }

    static int getByte(ByteBuffer in, String what) throws CodecException {
        if (!in.hasRemaining()) {
            throw new CodecException("truncated " + what);
        }
        return in.get() & 0xFF;
    }

    static int getIntLE(ByteBuffer in, String what) throws CodecException {
        if (in.remaining() < 4) {
            throw new CodecException("truncated " + what);
        }
        return (in.get() & 0xFF) | (in.get() & 0xFF) << 8 | (in.get() & 0xFF) << 16 | (in.get() & 0xFF) << 24;
    }
}
