package org.pitbox.protocol.codec;

import java.nio.ByteBuffer;

/** Decoder for {@link RangeEncoder}; consumes exactly the bytes the encoder produced. */
final class RangeDecoder {
    private static final int PROB_BITS = RangeEncoder.PROB_BITS;

    private ByteBuffer in;
    private int end;
    private int range;
    private int code;
    private boolean zeroPadded;
    private int[] schedule;

    /**
     * Starts decoding a code of format version at source's position; reading stops at position end. Past it, a
     * zero-padded code (format 3 on) reads zeros; an older one is truncated.
     */
    void start(ByteBuffer source, int end, int version) throws CodecException {
        in = source;
        this.zeroPadded = version >= 3;
        schedule = RangeEncoder.schedule(version);
        this.end = end;
        range = -1;
        code = 0;
        for (int i = 0; i < 4; i++) {
            code = code << 8 | next();
        }
        if (code == -1) {
            throw new CodecException("corrupt range code");
        }
    }

    int decodeBit(int[] probs, int i) throws CodecException {
        int s = probs[i];
        int bound = (range >>> PROB_BITS) * (s >>> 11 | 1);
        int bit;
        if (Integer.compareUnsigned(code, bound) < 0) {
            range = bound;
            bit = 0;
        } else {
            code -= bound;
            range -= bound;
            bit = 1;
        }
        probs[i] = RangeEncoder.update(schedule, s, bit);
        while ((range & 0xFF000000) == 0) {
            range <<= 8;
            code = code << 8 | next();
        }
        return bit;
    }

    int decodeDirect(int n) throws CodecException {
        range >>>= n;
        int value = (int) Long.min(Integer.toUnsignedLong(code) / Integer.toUnsignedLong(range), (1L << n) - 1);
        code -= value * range;
        while ((range & 0xFF000000) == 0) {
            range <<= 8;
            code = code << 8 | next();
        }
        return value;
    }

    private int next() throws CodecException {
        if (in.position() >= end || !in.hasRemaining()) {
            if (zeroPadded) {
                return 0;
            }
            throw new CodecException("truncated range code");
        }
        return in.get() & 0xFF;
    }
}
