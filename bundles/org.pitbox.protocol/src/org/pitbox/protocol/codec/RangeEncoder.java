package org.pitbox.protocol.codec;

import java.util.Arrays;

/**
 * LZMA-style binary range encoder; each probability slot adapts fast while young, then slower (from format 4 on, it
 * settles at a faster rate). Writes into a reusable buffer.
 */
final class RangeEncoder {
    static final int PROB_BITS = 15;
    /** A model slot: probability of a 0 in the top 22 bits (of 26), times seen (saturating) in the low 4. */
    static final int INIT = 1 << 25;
    private static final int[] SHIFT = {1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5};
    private static final int[] SHIFT4 = {1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4};

    /** The adaptation schedule of format version. */
    static int[] schedule(int version) {
        return version >= 4 ? SHIFT4 : SHIFT;
    }

    /** The slot after coding bit: moves fast while the slot is young, then settles to a slower rate. */
    static int update(int[] schedule, int s, int bit) {
        int count = s & 15;
        int p = s >>> 4;
        int shift = schedule[count];
        p += bit == 0 ? ((1 << 22) - p) >> shift : -(p >> shift);
        return p << 4 | Math.min(count + 1, 15);
    }

    private byte[] buf = new byte[256];
    private int size;
    private long low;
    private int range;
    private int cache;
    private long cacheSize;
    private boolean first;
    private int[] schedule;

    void start(int version) {
        schedule = schedule(version);
        size = 0;
        low = 0;
        range = -1;
        cache = 0;
        cacheSize = 1;
        first = true;
    }

    void encodeBit(int[] probs, int i, int bit) {
        int s = probs[i];
        int bound = (range >>> PROB_BITS) * (s >>> 11 | 1);
        if (bit == 0) {
            range = bound;
        } else {
            low += bound & 0xFFFFFFFFL;
            range -= bound;
        }
        probs[i] = update(schedule, s, bit);
        while ((range & 0xFF000000) == 0) {
            range <<= 8;
            shiftLow();
        }
    }

    /** Writes the low n bits (n at most 16) of value with equal probabilities. */
    void encodeDirect(int value, int n) {
        range >>>= n;
        low += (value & ((1L << n) - 1)) * (range & 0xFFFFFFFFL);
        while ((range & 0xFF000000) == 0) {
            range <<= 8;
            shiftLow();
        }
    }

    /**
     * Flushes; the encoded bytes are then {@link #buffer()}[0, {@link #size()}). The code ends on the value of the
     * final interval with the most trailing zero bits, and trailing zero bytes are left out: the decoder reads
     * zeros past the end (format 3 on).
     */
    void finish() {
        long high = low + (range & 0xFFFFFFFFL) - 1;
        for (int bits = 32; bits > 0; bits--) {
            long v = high & -(1L << bits);
            if (v >= low) {
                low = v;
                break;
            }
        }
        for (int i = 0; i < 5; i++) {
            shiftLow();
        }
        while (size > 0 && buf[size - 1] == 0) {
            size--;
        }
    }

    byte[] buffer() {
        return buf;
    }

    int size() {
        return size;
    }

    private void shiftLow() {
        if (low < 0xFF000000L || low > 0xFFFFFFFFL) {
            int carry = (int) (low >>> 32);
            int temp = cache;
            do {
                write(temp + carry);
                temp = 0xFF;
            } while (--cacheSize != 0);
            cache = (int) (low >>> 24) & 0xFF;
        }
        cacheSize++;
        low = (low & 0x00FFFFFFL) << 8;
    }

    private void write(int b) {
        if (first) {
            first = false; // the first byte of an LZMA range code is always 0
            return;
        }
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, size * 2);
        }
        buf[size++] = (byte) b;
    }
}
