package org.pitbox.protocol.codec;

import java.util.Arrays;

/**
 * A linear predictor of a float element fitted to a batch: the previous value plus a weighted sum of terms from the
 * element's last three values (x1, x2, x3) and the latest three known values of another element (a0, a1, a2; a0 is
 * this row's value when that element comes earlier in the row). Terms: 1, x1, x1 - x2, x2 - x3, a0, a0 - a1, a1 - a2.
 * Computed in double, so encoder and decoder agree bit for bit.
 */
final class Lpc {
    static final int TERMS = 7;
    /** Fewer rows than this fit no predictor. */
    static final int MIN_ROWS = 16;
    /** How many other elements, those whose change best explains what the element's own fit leaves, are tried. */
    private static final int REFS = 4;
    /** Least squares weights outliers too much for a coder whose cost grows with the log of the error. */
    private static final int REWEIGHTS = 4;
    /**
     * About this many rows of a batch are read to choose and fit a predictor (every row of a shorter one): the
     * choice is the encoder's alone, and a stored batch of 3600 rows then costs a seventh of the work.
     */
    private static final int SAMPLE_ROWS = 256;

    private Lpc() {
    }

    /**
     * Plans an {@link Lpc} predictor for float element e when one beats limit (estimated bits, entry included);
     * change[o] is float element o's change from row to row (null for the others and steady ones).
     */
    static void choose(RowModel m, int[][] cols, double[][] change, int e, double limit) {
        int[] v = cols[e];
        double[] cost = new double[1];
        float[] best = fit(v, v, 0, false, limit, cost);
        int bestRef = e;
        double bestCost = best == null ? limit : cost[0];
        int n = v.length;
        int stride = stride(n);
        double[] res = new double[n];
        double syy = 0;
        for (int r = 3; r < n; r += stride) {
            double p = Float.intBitsToFloat(best == null ? v[r - 1] : (int) predictAt(best, v, v, 0, r));
            res[r] = Float.intBitsToFloat(v[r]) - p;
            if (!Double.isFinite(res[r])) {
                res[r] = 0;
            }
            syy += res[r] * res[r];
        }
        // the other elements whose change best explains what the own fit leaves
        int[] top = new int[REFS];
        double[] score = new double[REFS];
        Arrays.fill(top, -1);
        for (int o = 0; o < cols.length && syy > 0; o++) {
            double[] d = change[o];
            if (o == e || d == null) {
                continue;
            }
            int lag = o < e ? 0 : 1;
            double sxy = 0, sxx = 0;
            for (int r = 3; r < n; r += stride) {
                double x = d[r - lag];
                sxy += x * res[r];
                sxx += x * x;
            }
            double c = sxx > 0 ? Math.abs(sxy) / Math.sqrt(sxx * syy) : 0;
            for (int i = 0; i < REFS; i++) {
                if (c > score[i] || top[i] < 0 && c == c) {
                    System.arraycopy(top, i, top, i + 1, REFS - i - 1);
                    System.arraycopy(score, i, score, i + 1, REFS - i - 1);
                    top[i] = o;
                    score[i] = c;
                    break;
                }
            }
        }
        for (int o : top) {
            if (o < 0) {
                continue;
            }
            float[] c = fit(v, cols[o], o < e ? 0 : 1, true, bestCost, cost);
            if (c != null) {
                best = c;
                bestCost = cost[0];
                bestRef = o;
            }
        }
        if (best != null) {
            int[] w = cols[bestRef];
            int lag = bestRef < e ? 0 : 1;
            for (int i = 0; i < REWEIGHTS; i++) {
                float[] c = reweighted(v, w, lag, best);
                double bits = c == null ? Double.MAX_VALUE : cost(v, w, lag, c);
                if (!(bits < bestCost)) {
                    break;
                }
                bestCost = bits;
                best = c;
            }
            m.planLpc(e, bestRef, best);
        }
    }

    /**
     * The terms of c fitted again with weights 1 / (r^2 + m^2), r each row's error under c and m their median:
     * nearer to minimising the sum of log errors, which is what the residuals cost.
     */
    private static float[] reweighted(int[] v, int[] w, int lag, float[] c) {
        int n = v.length;
        int stride = stride(n);
        double[] err = new double[n];
        double[] sorted = new double[(n - 3 + stride - 1) / stride];
        for (int r = 3, k = 0; r < n; r += stride, k++) {
            double p = Float.intBitsToFloat((int) predictAt(c, v, w, lag, r));
            err[r] = Math.abs(at(v, r) - p);
            sorted[k] = err[r];
        }
        Arrays.sort(sorted);
        double m = Math.max(sorted[sorted.length / 2], 1e-30);
        boolean[] used = new boolean[TERMS];
        for (int i = 0; i < TERMS; i++) {
            used[i] = c[i] != 0;
        }
        double[][] g = new double[TERMS][TERMS + 1];
        double[] t = new double[TERMS];
        for (int r = 3; r < n; r += stride) {
            double weight = 1 / (err[r] * err[r] + m * m);
            double y = at(v, r) - at(v, r - 1);
            if (!Double.isFinite(weight) || !Double.isFinite(y)) {
                continue;
            }
            for (int i = 0; i < TERMS; i++) {
                t[i] = used[i] ? term(i, v, w, lag, r) : 0;
            }
            for (int i = 0; i < TERMS; i++) {
                for (int j = 0; j < TERMS; j++) {
                    g[i][j] += weight * t[i] * t[j];
                }
                g[i][TERMS] += weight * t[i] * y;
            }
        }
        double[] d = solve(g, used);
        if (d == null) {
            return null;
        }
        float[] out = new float[TERMS];
        for (int i = 0; i < TERMS; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    private static long predictAt(float[] c, int[] v, int[] w, int lag, int r) {
        return predict(c, bitsAt(v, r - 1), bitsAt(v, r - 2), bitsAt(v, r - 3), bitsAt(w, r - lag),
                bitsAt(w, r - lag - 1), bitsAt(w, r - lag - 2));
    }

    /** Estimated bits of column v under c, from the sampled rows scaled to all, 32 per used term included. */
    private static double cost(int[] v, int[] w, int lag, float[] c) {
        int stride = stride(v.length);
        int count = (v.length + stride - 1) / stride;
        int[] own = new int[count];
        int[] pred = new int[count];
        for (int k = 0; k < count; k++) {
            own[k] = v[k * stride];
            pred[k] = (int) predictAt(c, v, w, lag, k * stride);
        }
        double bits = 0;
        for (float x : c) {
            bits += x != 0 ? 32 : 0;
        }
        return bits + BatchPlan.cost(own, pred) * v.length / count;
    }

    private static int stride(int rows) {
        return Math.max(1, rows / SAMPLE_ROWS);
    }

    static long predict(float[] c, long x1, long x2, long x3, long a0, long a1, long a2) {
        double fx1 = f(x1), fx2 = f(x2), fx3 = f(x3), fa0 = f(a0), fa1 = f(a1), fa2 = f(a2);
        double p = fx1 + c[0] + c[1] * fx1 + c[2] * (fx1 - fx2) + c[3] * (fx2 - fx3) + c[4] * fa0
                + c[5] * (fa0 - fa1) + c[6] * (fa1 - fa2);
        float q = (float) p;
        return Float.isFinite(q) ? Float.floatToRawIntBits(q) : x1;
    }

    private static double f(long v) {
        return Float.intBitsToFloat((int) v);
    }

    /** Term i for row r of own column v and other column w read lag rows back (0 or 1). */
    static double term(int i, int[] v, int[] w, int lag, int r) {
        return switch (i) {
            case 0 -> 1;
            case 1 -> at(v, r - 1);
            case 2 -> at(v, r - 1) - at(v, r - 2);
            case 3 -> at(v, r - 2) - at(v, r - 3);
            case 4 -> at(w, r - lag);
            case 5 -> at(w, r - lag) - at(w, r - lag - 1);
            default -> at(w, r - lag - 1) - at(w, r - lag - 2);
        };
    }

    private static double at(int[] v, int r) {
        return r < 0 ? 0 : Float.intBitsToFloat(v[r]);
    }

    /**
     * Greedy forward selection of terms by squared error, each prefix costed exactly; returns the best
     * coefficients (unused terms 0) and its estimated cost in bits in cost[0], or null when none beats limit.
     */
    static float[] fit(int[] v, int[] w, int lag, boolean withOther, double limit, double[] cost) {
        int n = v.length;
        double[][] g = new double[TERMS][TERMS + 1];
        double[] t = new double[TERMS];
        int stride = stride(n);
        for (int r = 3; r < n; r += stride) {
            for (int i = 0; i < TERMS; i++) {
                t[i] = i >= 4 && !withOther ? 0 : term(i, v, w, lag, r);
            }
            double y = at(v, r) - at(v, r - 1);
            if (!Double.isFinite(y)) {
                return null;
            }
            for (int i = 0; i < TERMS; i++) {
                for (int j = 0; j <= i; j++) {
                    g[i][j] += t[i] * t[j];
                }
                g[i][TERMS] += t[i] * y;
            }
        }
        for (int i = 0; i < TERMS; i++) {
            for (int j = i + 1; j < TERMS; j++) {
                g[i][j] = g[j][i];
            }
            if (!Double.isFinite(g[i][i])) {
                return null;
            }
        }
        boolean[] used = new boolean[TERMS];
        float[] best = null;
        double bestCost = limit;
        for (int step = 0; step < (withOther ? TERMS : 4); step++) {
            int pick = -1;
            double pickErr = Double.MAX_VALUE;
            double[] pickC = null;
            for (int i = 0; i < (withOther ? TERMS : 4); i++) {
                if (used[i] || g[i][i] <= 0) {
                    continue;
                }
                used[i] = true;
                double[] c = solve(g, used);
                used[i] = false;
                if (c == null) {
                    continue;
                }
                double err = residual(g, c);
                if (err < pickErr) {
                    pickErr = err;
                    pick = i;
                    pickC = c;
                }
            }
            if (pick < 0) {
                break;
            }
            used[pick] = true;
            float[] c = new float[TERMS];
            for (int i = 0; i < TERMS; i++) {
                c[i] = (float) pickC[i];
            }
            double bits = cost(v, w, lag, c);
            if (bits < bestCost) {
                bestCost = bits;
                best = c;
            }
        }
        cost[0] = bestCost;
        return best;
    }

    private static long bitsAt(int[] v, int r) {
        return r < 0 ? 0 : v[r];
    }

    /** Sum of squared errors minus the constant: -2 c.b + c.G.c (lower is better). */
    private static double residual(double[][] g, double[] c) {
        double s = 0;
        for (int i = 0; i < TERMS; i++) {
            if (c[i] == 0) {
                continue;
            }
            s -= 2 * c[i] * g[i][TERMS];
            for (int j = 0; j < TERMS; j++) {
                s += c[i] * g[i][j] * c[j];
            }
        }
        return s;
    }

    private static double[] solve(double[][] g, boolean[] used) {
        int k = 0;
        int[] idx = new int[TERMS];
        for (int i = 0; i < TERMS; i++) {
            if (used[i]) {
                idx[k++] = i;
            }
        }
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = g[idx[i]][idx[j]];
            }
            a[i][i] *= 1 + 1e-9;
            a[i][k] = g[idx[i]][TERMS];
        }
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            if (!(Math.abs(a[col][col]) > 1e-300)) {
                return null;
            }
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int j = col; j <= k; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[] c = new double[TERMS];
        for (int i = 0; i < k; i++) {
            c[idx[i]] = a[i][k] / a[i][i];
            if (!Double.isFinite(c[idx[i]])) {
                return null;
            }
        }
        return c;
    }
}
