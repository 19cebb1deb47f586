package org.pitbox.protocol.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Predictive, context-modelled coding of one row against the previous rows.
 * Every element (channel array item, or uncovered padding byte) is an integer of 1, 4 or 8 bytes;
 * it is predicted from its last value or their linear extrapolation (the cheaper so far wins) unless a
 * {@link BatchPlan} says otherwise, and the zig-zag residual is coded as a zero flag, then its bit length (both
 * with the previous bit length, halved, as context; from version 4 the larger of the last two), the two bits below
 * the leading one and the sign bit (modelled; version 3 codes the sign first), and the remaining bits (uniform).
 * Encoder and decoder run the same model, so it stays in sync as long as they see the same rows.
 */
final class RowModel {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /**
     * From version 3, a flag (modelled per element) says when the lowest bits of a residual's magnitude are all zero
     * (quantised channels such as tyre temperatures), and they are left out.
     */
    private static final int LOW_BITS = 3;
    private static final long LOW_MASK = (1 << LOW_BITS) - 1;
    /**
     * From version 4, the flag is coded only while such residuals have been frequent (their running share, of 256,
     * above this); otherwise the bits are sent as they are and the flag's cost saved.
     */
    private static final int LOW_SHARE = 96;

    private final int n;
    private final int[] offset;
    private final int[] width;
    private final boolean[] isFloat;
    private final int[] kind;
    private final int[] ref;
    private final float[] scale;
    private final int[] treeBits;
    private final int[] base;
    private final int[] extra;
    private final long[] p1;
    private final long[] p2;
    private final long[] p3;
    private final float[][] coef;
    private final int[] prevClass;
    private final int[] prevSign;
    private final int[] costA;
    private final int[] costB;
    private final int[] lowRate;
    private final int[] prevClass2;
    private final int[] probs;
    private int version;

    RowModel(FrameSchema schema) {
        int len = schema.rowLength();
        int[] claim = new int[len];
        int[] off = new int[len];
        int[] wid = new int[len];
        boolean[] flt = new boolean[len];
        int count = 0;
        for (ChannelSpec c : schema.channels()) {
            int size = c.elementSize();
            for (int i = 0; i < c.count(); i++) {
                int o = c.offset() + i * size;
                if (isFree(claim, o, size)) {
                    Arrays.fill(claim, o, o + size, 1);
                    off[count] = o;
                    flt[count] = c.type() == ChannelSpec.FLOAT;
                    wid[count++] = size;
                }
            }
        }
        for (int o = 0; o < len; o++) {
            if (claim[o] == 0) {
                off[count] = o;
                wid[count++] = 1;
            }
        }
        n = count;
        offset = Arrays.copyOf(off, n);
        width = Arrays.copyOf(wid, n);
        isFloat = Arrays.copyOf(flt, n);
        kind = new int[n];
        ref = new int[n];
        scale = new float[n];
        treeBits = new int[n];
        base = new int[n];
        extra = new int[n];
        int total = 0;
        for (int e = 0; e < n; e++) {
            base[e] = total;
            int classes = width[e] * 8 + 1;
            treeBits[e] = Integer.numberOfTrailingZeros(width[e] * 8);
            extra[e] = base[e] + ((width[e] * 4 + 1) << treeBits[e]); // one row per halved previous bit length
            total = extra[e] + 3 * classes + 1; // the low bits' flag last
        }
        p1 = new long[n];
        p2 = new long[n];
        p3 = new long[n];
        coef = new float[n][];
        prevClass = new int[n];
        prevSign = new int[n];
        costA = new int[n];
        costB = new int[n];
        lowRate = new int[n];
        prevClass2 = new int[n];
        probs = new int[total];
        reset(3);
    }

    private static boolean isFree(int[] claim, int o, int size) {
        for (int i = o; i < o + size; i++) {
            if (claim[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The format of the rows since the last reset. */
    int version() {
        return version;
    }

    int size() {
        return n;
    }

    int offset(int e) {
        return offset[e];
    }

    int width(int e) {
        return width[e];
    }

    boolean isFloat(int e) {
        return isFloat[e];
    }

    int kind(int e) {
        return kind[e];
    }

    int ref(int e) {
        return ref[e];
    }

    float scale(int e) {
        return scale[e];
    }

    /** Predicts element e by {@link Lpc#predict} with coefficients c, reading element o. */
    void planLpc(int e, int o, float[] c) {
        kind[e] = BatchPlan.LPC;
        ref[e] = o;
        coef[e] = c;
    }

    float[] coef(int e) {
        return coef[e];
    }

    /** Predicts element e by {@link BatchPlan#predict} from the earlier element o (until the next reset). */
    void plan(int e, int kind, int o, float k) {
        this.kind[e] = kind;
        ref[e] = o;
        scale[e] = k;
    }

    /** Back to every element's own predictor, keeping the history and statistics (a new plan follows). */
    void clearPlan() {
        Arrays.fill(kind, BatchPlan.OWN);
        Arrays.fill(coef, null);
    }

    /**
     * Forgets all history and any plan: the next row is coded against an all-zero row with fresh statistics.
     * @param version the format (2 to 5) of the rows that follow
     */
    void reset(int version) {
        this.version = version;
        clearPlan();
        Arrays.fill(p1, 0);
        Arrays.fill(p2, 0);
        Arrays.fill(p3, 0);
        Arrays.fill(prevClass, 0);
        Arrays.fill(prevSign, 0);
        Arrays.fill(costA, 0);
        Arrays.fill(costB, 0);
        Arrays.fill(lowRate, 128);
        Arrays.fill(prevClass2, 0);
        Arrays.fill(probs, RangeEncoder.INIT);
    }

    void encode(RangeEncoder rc, byte[] row, int rowOffset) {
        for (int e = 0; e < n; e++) {
            int w = width[e];
            long v = read(row, rowOffset + offset[e], w);
            long lin = linear(e);
            long z = zigzag(v - predict(e, lin), w);
            int ctx = base[e] + (classContext(e) << treeBits[e]);
            if (z == 0) {
                rc.encodeBit(probs, ctx, 0);
                update(e, v, 0, 0, lin);
                continue;
            }
            rc.encodeBit(probs, ctx, 1);
            int cls = 64 - Long.numberOfLeadingZeros(z);
            int node = 1;
            for (int i = treeBits[e] - 1; i >= 0; i--) {
                int bit = ((cls - 1) >>> i) & 1;
                rc.encodeBit(probs, ctx + node, bit);
                node = node << 1 | bit;
            }
            if (cls >= 2) {
                int extra = this.extra[e];
                int sign = (int) z & 1;
                if (version >= 3) {
                    rc.encodeBit(probs, extra + prevSign[e], sign);
                }
                if (cls >= 3) {
                    int top = (int) (z >>> (cls - 2)) & 1;
                    rc.encodeBit(probs, extra + cls, top);
                    if (cls >= 4) {
                        rc.encodeBit(probs, extra + w * 8 + 1 + 2 * cls + top, (int) (z >>> (cls - 3)) & 1);
                        int skip = 0;
                        if (version >= 3 && cls - 4 >= LOW_BITS) {
                            int zero = ((z >>> 1) & LOW_MASK) == (sign == 0 ? 0 : LOW_MASK) ? 1 : 0;
                            if (version < 4 || lowRate[e] > LOW_SHARE) {
                                rc.encodeBit(probs, extra + 24 * w + 3, zero); // 3 * classes on from extra
                                skip = zero * LOW_BITS;
                            }
                            lowRate[e] += ((zero << 8) - lowRate[e]) >> 4;
                        }
                        for (int k = cls - 4; k > skip; k -= 16) {
                            int m = Math.min(k - skip, 16);
                            rc.encodeDirect((int) (z >>> (k - m + 1)), m);
                        }
                    }
                }
                if (version < 3) {
                    rc.encodeBit(probs, extra + prevSign[e], sign);
                }
            }
            update(e, v, cls, z, lin);
        }
    }

    void decode(RangeDecoder rc, byte[] row, int rowOffset) throws CodecException {
        for (int e = 0; e < n; e++) {
            int w = width[e];
            int bits = treeBits[e];
            int ctx = base[e] + (classContext(e) << bits);
            long z = 0;
            int cls = 0;
            if (rc.decodeBit(probs, ctx) != 0) {
                int node = 1;
                for (int i = 0; i < bits; i++) {
                    node = node << 1 | rc.decodeBit(probs, ctx + node);
                }
                cls = node - (1 << bits) + 1;
                z = 1;
                if (cls >= 2) {
                    int extra = this.extra[e];
                    int sign = version >= 3 ? rc.decodeBit(probs, extra + prevSign[e]) : 0;
                    if (cls >= 3) {
                        int top = rc.decodeBit(probs, extra + cls);
                        z = z << 1 | top;
                        if (cls >= 4) {
                            z = z << 1 | rc.decodeBit(probs, extra + w * 8 + 1 + 2 * cls + top);
                            int skip = 0;
                            if (version >= 3 && cls - 4 >= LOW_BITS && (version < 4 || lowRate[e] > LOW_SHARE)) {
                                skip = rc.decodeBit(probs, extra + 24 * w + 3) * LOW_BITS;
                            }
                            for (int k = cls - 4; k > skip; k -= 16) {
                                int m = Math.min(k - skip, 16);
                                z = z << m | rc.decodeDirect(m);
                            }
                            if (skip != 0) {
                                z = z << LOW_BITS | (sign == 0 ? 0 : LOW_MASK);
                            }
                            if (cls - 4 >= LOW_BITS) {
                                int zero = (z & LOW_MASK) == (sign == 0 ? 0 : LOW_MASK) ? 1 : 0;
                                lowRate[e] += ((zero << 8) - lowRate[e]) >> 4;
                            }
                        }
                    }
                    if (version < 3) {
                        sign = rc.decodeBit(probs, extra + prevSign[e]);
                    }
                    z = z << 1 | sign;
                }
            }
            long lin = linear(e);
            long v = wrap(predict(e, lin) + ((z >>> 1) ^ -(z & 1)), w);
            write(row, rowOffset + offset[e], w, v);
            update(e, v, cls, z, lin);
        }
    }

    /** The bit-length context of element e: its last bit length (from format 4 the larger of the last two), halved. */
    private int classContext(int e) {
        return ((version >= 4 ? Math.max(prevClass[e], prevClass2[e]) : prevClass[e]) + 1) >> 1;
    }

    /** The prediction of element e; lin is {@link #linear}'s. */
    private long predict(int e, long lin) {
        if (kind[e] != BatchPlan.OWN) {
            int o = ref[e];
            if (kind[e] == BatchPlan.LPC) {
                return Lpc.predict(coef[e], p1[e], p2[e], p3[e], p1[o], p2[o], p3[o]);
            }
            return BatchPlan.predict(kind[e], scale[e], p1[e], p1[o], p2[o]);
        }
        return costB[e] < costA[e] ? lin : p1[e];
    }

    /** Linear extrapolation of the last two values; of floats in float arithmetic from format 3 on. */
    private long linear(int e) {
        if (version >= 3 && isFloat[e]) {
            float x = 2 * Float.intBitsToFloat((int) p1[e]) - Float.intBitsToFloat((int) p2[e]);
            return Float.isNaN(x) ? p1[e] : Float.floatToRawIntBits(x);
        }
        return 2 * p1[e] - p2[e];
    }

    private void update(int e, long v, int cls, long z, long lin) {
        int w = width[e];
        int ca = 64 - Long.numberOfLeadingZeros(zigzag(v - p1[e], w));
        int cb = 64 - Long.numberOfLeadingZeros(zigzag(v - lin, w));
        costA[e] += ca - (costA[e] >> 4);
        costB[e] += cb - (costB[e] >> 4);
        prevClass2[e] = prevClass[e];
        prevClass[e] = cls;
        prevSign[e] = cls == 0 ? 0 : 1 + (int) (z & 1);
        p3[e] = p2[e];
        p2[e] = p1[e];
        p1[e] = v;
    }

    private static long zigzag(long r, int w) {
        long s = wrap(r, w);
        return (s << 1) ^ (s >> 63);
    }

    private static long wrap(long v, int w) {
        return w == 4 ? (int) v : w == 1 ? (byte) v : v;
    }

    private static long read(byte[] row, int o, int w) {
        return w == 4 ? (int) INT.get(row, o) : w == 1 ? row[o] : (long) LONG.get(row, o);
    }

    private static void write(byte[] row, int o, int w, long v) {
        if (w == 4) {
            INT.set(row, o, (int) v);
        } else if (w == 1) {
            row[o] = (byte) v;
        } else {
            LONG.set(row, o, v);
        }
    }
}
