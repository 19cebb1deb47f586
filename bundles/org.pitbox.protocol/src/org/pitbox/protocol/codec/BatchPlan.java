package org.pitbox.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The predictor choices of one stored batch. The encoder sees all rows of the batch, so for every 4-byte element
 * it may replace the element's own predictor with one that reads an earlier element of the same row: a copy,
 * a scaled float (LapDist from LapDistPct), its absolute value, the earlier element's change added to this
 * element's previous value (in the float or the integer domain), from format 3 on also that change scaled
 * (SDELTA) or the scaled change alone (DERIV: a rate from the change of what it is the rate of). Only choices
 * that pay for their bytes are kept. Written ahead of the range code: varint count, then per choice varint
 * element step, kind byte, varint distance back to the referenced element and, for scaled kinds, the float
 * factor (int32 LE). From format 4 on, a float element may also get an {@link Lpc} predictor fitted to the rows
 * (kind LPC): then the reference is a zig-zag varint (the other element may come later in the row), followed by a
 * byte whose bits say which of the 7 terms are used and each used term's factor (float, int32 LE).
 */
final class BatchPlan {
    static final int OWN = 0, COPY = 1, IDELTA = 2, SCALE = 3, ABS = 4, FDELTA = 5, SDELTA = 6, DERIV = 7, LPC = 8;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SAMPLES = 32;

    private BatchPlan() {
    }

    /** The prediction of a planned element from its previous value and the referenced element's value now and before. */
    static long predict(int kind, float k, long own, long other, long otherBefore) {
        return switch (kind) {
            case COPY -> other;
            case IDELTA -> own + other - otherBefore;
            case SCALE -> bits(k * f(other), own);
            case ABS -> bits(Math.abs(k * f(other)), own);
            case FDELTA -> bits(f(own) + (f(other) - f(otherBefore)), own);
            case SDELTA -> bits(f(own) + k * (f(other) - f(otherBefore)), own);
            default -> bits(k * (f(other) - f(otherBefore)), own);
        };
    }

    /** NaN bit patterns of arithmetic results differ between CPUs, so a NaN prediction falls back to the previous value. */
    private static long bits(float x, long fallback) {
        return Float.isNaN(x) ? fallback : Float.floatToRawIntBits(x);
    }

    private static float f(long v) {
        return Float.intBitsToFloat((int) v);
    }

    /** Chooses the plan of model for rowCount rows of rowLength bytes at rows[offset]. */
    static void choose(RowModel m, byte[] rows, int offset, int rowCount, int rowLength) {
        int n = m.size();
        int[][] cols = new int[n][];
        for (int e = 0; e < n; e++) {
            if (m.width(e) == 4) {
                int[] c = new int[rowCount];
                for (int r = 0, o = offset + m.offset(e); r < rowCount; r++, o += rowLength) {
                    c[r] = (int) INT.get(rows, o);
                }
                cols[e] = c;
            }
        }
        int s = Math.clamp(rowCount - 1, 0, SAMPLES);
        int[] at = new int[s];
        for (int i = 0; i < s; i++) {
            at[i] = 1 + (int) ((long) i * (rowCount - 1) / s);
        }
        float[] ratios = new float[s];
        boolean[] steady = new boolean[n];
        double[][] change = m.version() >= 4 && rowCount >= Lpc.MIN_ROWS ? change(m, cols) : null;
        for (int e = 0; e < n; e++) {
            int[] v = cols[e];
            if (v == null || s < 8) {
                continue;
            }
            int ownSampled = Math.min(sampled(v, at, OWN, 0, v), sampled(v, at, -1, 0, v));
            steady[e] = ownSampled == 0;
            int bestCost = ownSampled;
            int bestKind = OWN;
            int bestRef = 0;
            float bestK = 0;
            for (int o = 0; o < e && bestCost > 0; o++) {
                int[] w = cols[o];
                if (w == null || steady[o]) {
                    continue;
                }
                boolean floats = m.isFloat(e) && m.isFloat(o);
                for (int kind = COPY; kind <= (floats ? DERIV : IDELTA); kind++) {
                    float k = scaled(kind) ? ratio(v, w, at, ratios, kind) : 0;
                    if (Float.isNaN(k)) {
                        continue;
                    }
                    int c = sampled(v, at, kind, k, w);
                    if (c < bestCost) {
                        bestCost = c;
                        bestKind = kind;
                        bestRef = o;
                        bestK = k;
                    }
                }
            }
            boolean fit = change != null && change[e] != null && !steady[e];
            if (bestKind == OWN && !fit) {
                continue;
            }
            double limit = Math.min(cost(v, OWN, 0, v), cost(v, -1, 0, v));
            if (bestKind != OWN) {
                double planned = cost(v, bestKind, bestK, cols[bestRef]);
                if (planned + 64 < limit) {
                    m.plan(e, bestKind, bestRef, bestK);
                    limit = planned + 64;
                }
            }
            if (fit) {
                Lpc.choose(m, cols, change, e, limit - 40);
            }
        }
    }

    /** Each float column's change from row to row (row 0 from zero), null for other and constant columns. */
    private static double[][] change(RowModel m, int[][] cols) {
        double[][] d = new double[cols.length][];
        for (int o = 0; o < cols.length; o++) {
            int[] w = cols[o];
            if (w != null && m.isFloat(o) && !constant(w)) {
                d[o] = new double[w.length];
                for (int r = 0; r < w.length; r++) {
                    double x = (double) Float.intBitsToFloat(w[r]) - (r > 0 ? Float.intBitsToFloat(w[r - 1]) : 0);
                    d[o][r] = Double.isFinite(x) ? x : 0;
                }
            }
        }
        return d;
    }

    private static boolean constant(int[] w) {
        for (int x : w) {
            if (x != w[0]) {
                return false;
            }
        }
        return true;
    }

    /** The median ratio v / w (or of their magnitudes) over the sampled rows, NaN when too few rows give one. */
    static boolean scaled(int kind) {
        return kind == SCALE || kind == ABS || kind >= SDELTA;
    }

    private static float ratio(int[] v, int[] w, int[] at, float[] ratios, int kind) {
        boolean abs = kind == ABS;
        int count = 0;
        for (int r : at) {
            float dw = Float.intBitsToFloat(w[r]) - Float.intBitsToFloat(w[r - 1]);
            float q = kind == SDELTA ? (Float.intBitsToFloat(v[r]) - Float.intBitsToFloat(v[r - 1])) / dw
                    : kind == DERIV ? Float.intBitsToFloat(v[r]) / dw
                    : Float.intBitsToFloat(v[r]) / Float.intBitsToFloat(w[r]);
            if (Float.isFinite(q) && q != 0) {
                ratios[count++] = abs ? Math.abs(q) : q;
            }
        }
        if (count < at.length / 2) {
            return Float.NaN;
        }
        Arrays.sort(ratios, 0, count);
        return ratios[count / 2];
    }

    /** Residual of row r under kind, zig-zagged. */
    private static long residual(int[] v, int r, int kind, float k, int[] w) {
        int d = (int) (v[r] - prediction(v, r, kind, k, w));
        return Integer.toUnsignedLong((d << 1) ^ (d >> 31));
    }

    /** Prediction of row r under kind; OWN is the previous value, -1 the linear extrapolation. */
    private static long prediction(int[] v, int r, int kind, float k, int[] w) {
        long prev = r > 0 ? v[r - 1] : 0;
        return switch (kind) {
            case OWN -> prev;
            case -1 -> 2 * prev - (r > 1 ? v[r - 2] : 0);
            default -> BatchPlan.predict(kind, k, prev, w[r], r > 0 ? w[r - 1] : 0);
        };
    }

    /** Sum of residual bit lengths over the sampled rows: a cheap first cut. */
    private static int sampled(int[] v, int[] at, int kind, float k, int[] w) {
        int sum = 0;
        for (int r : at) {
            sum += 64 - Long.numberOfLeadingZeros(residual(v, r, kind, k, w));
        }
        return sum;
    }

    private static double cost(int[] v, int kind, float k, int[] w) {
        int[] pred = new int[v.length];
        for (int r = 0; r < v.length; r++) {
            pred[r] = (int) prediction(v, r, kind, k, w);
        }
        return cost(v, pred);
    }

    /** Estimated coded bits of v under pred: order-0 entropy of the residuals' bit lengths plus their lower bits. */
    static double cost(int[] v, int[] pred) {
        int[] hist = new int[34];
        double bits = 0;
        for (int r = 0; r < v.length; r++) {
            int d = v[r] - pred[r];
            int cls = 64 - Long.numberOfLeadingZeros(Integer.toUnsignedLong((d << 1) ^ (d >> 31)));
            hist[cls]++;
            bits += Math.max(cls - 1, 0);
        }
        for (int h : hist) {
            if (h > 0) {
                bits -= h * Math.log((double) h / v.length) / Math.log(2);
            }
        }
        return bits;
    }

    static void write(RowModel m, ByteArrayOutputStream out) {
        int count = 0;
        for (int e = 0; e < m.size(); e++) {
            count += m.kind(e) == OWN ? 0 : 1;
        }
        Bytes.putVarint(out, count);
        int last = -1;
        for (int e = 0; e < m.size(); e++) {
            int kind = m.kind(e);
            if (kind != OWN) {
                Bytes.putVarint(out, e - last);
                out.write(kind);
                if (kind == LPC) {
                    int back = e - m.ref(e);
                    Bytes.putVarint(out, (back << 1) ^ (back >> 31));
                    float[] c = m.coef(e);
                    int mask = 0;
                    for (int i = 0; i < Lpc.TERMS; i++) {
                        mask |= c[i] != 0 ? 1 << i : 0;
                    }
                    out.write(mask);
                    for (int i = 0; i < Lpc.TERMS; i++) {
                        if (c[i] != 0) {
                            putFloat(out, c[i]);
                        }
                    }
                    last = e;
                    continue;
                }
                Bytes.putVarint(out, e - m.ref(e));
                if (scaled(kind)) {
                    int k = Float.floatToRawIntBits(m.scale(e));
                    out.write(k);
                    out.write(k >>> 8);
                    out.write(k >>> 16);
                    out.write(k >>> 24);
                }
                last = e;
            }
        }
    }

    private static void putFloat(ByteArrayOutputStream out, float f) {
        int k = Float.floatToRawIntBits(f);
        out.write(k);
        out.write(k >>> 8);
        out.write(k >>> 16);
        out.write(k >>> 24);
    }

    /** Reads a plan of format version (2: kinds up to FDELTA; 3: also SDELTA and DERIV; 4: also LPC). */
    static void read(RowModel m, ByteBuffer in, int version) throws CodecException {
        int maxKind = version >= 3 ? DERIV : FDELTA;
        int count = Bytes.getVarint(in, m.size(), "plan size");
        int e = -1;
        for (int i = 0; i < count; i++) {
            int step = Bytes.getVarint(in, m.size(), "plan element");
            e += step;
            int kind = Bytes.getByte(in, "plan kind");
            if (kind == LPC && version >= 4) {
                int zz = Bytes.getVarint(in, 2 * m.size(), "plan reference");
                int o = e - ((zz >>> 1) ^ -(zz & 1));
                int mask = Bytes.getByte(in, "plan terms");
                if (step == 0 || e >= m.size() || o < 0 || o >= m.size() || mask >= 1 << Lpc.TERMS
                        || !m.isFloat(e) || !m.isFloat(o)) {
                    throw new CodecException("invalid batch plan entry " + i);
                }
                float[] c = new float[Lpc.TERMS];
                for (int t = 0; t < Lpc.TERMS; t++) {
                    c[t] = (mask >> t & 1) != 0 ? Float.intBitsToFloat(Bytes.getIntLE(in, "plan factor")) : 0;
                }
                m.planLpc(e, o, c);
                continue;
            }
            int back = Bytes.getVarint(in, m.size(), "plan reference");
            int o = e - back;
            if (step == 0 || e >= m.size() || back == 0 || o < 0 || kind < COPY || kind > maxKind
                    || m.width(e) != 4 || m.width(o) != 4 || kind >= SCALE && !(m.isFloat(e) && m.isFloat(o))) {
                throw new CodecException("invalid batch plan entry " + i);
            }
            float k = scaled(kind) ? Float.intBitsToFloat(Bytes.getIntLE(in, "plan factor")) : 0;
            m.plan(e, kind, o, k);
        }
    }
}
