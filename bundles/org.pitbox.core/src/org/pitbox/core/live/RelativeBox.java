package org.pitbox.core.live;

/**
 * The cars nearest the player on track, from the CarIdx arrays: up to {@link #SIDE} ahead and behind,
 * ordered from furthest ahead to furthest behind, with the player in the middle. Fixed arrays; no allocation.
 */
public final class RelativeBox {
    public static final int SIDE = 3;
    public static final int ROWS = 2 * SIDE + 1;

    private final int[] car = new int[ROWS];
    private final int[] position = new int[ROWS];
    private final double[] gap = new double[ROWS];
    private final double[] aheadGap = new double[SIDE];
    private final int[] aheadCar = new int[SIDE];
    private final double[] behindGap = new double[SIDE];
    private final int[] behindCar = new int[SIDE];
    private final CachedText[] gapText = new CachedText[ROWS];
    private int rows;
    private int playerRow = -1;

    public RelativeBox() {
        for (int i = 0; i < ROWS; i++) {
            gapText[i] = new CachedText();
        }
    }

    /**
     * Rebuilds the box. {@code pct[i]} is car i's lap distance (negative when not on track), {@code lapSeconds}
     * turns distance into seconds (NaN leaves gaps as lap fractions).
     */
    public void update(float[] pct, int[] positions, int cars, int player, double lapSeconds) {
        int ahead = 0;
        int behind = 0;
        rows = 0;
        playerRow = -1;
        if (player < 0 || player >= cars || !(pct[player] >= 0)) {
            return;
        }
        for (int i = 0; i < cars; i++) {
            if (i == player || !(pct[i] >= 0)) {
                continue;
            }
            double d = pct[i] - pct[player];
            d -= Math.rint(d);
            if (d >= 0) {
                ahead = insert(aheadCar, aheadGap, ahead, i, d);
            } else {
                behind = insert(behindCar, behindGap, behind, i, -d);
            }
        }
        double scale = lapSeconds > 0 ? lapSeconds : 1;
        for (int k = ahead - 1; k >= 0; k--) {
            add(aheadCar[k], positions, aheadGap[k] * scale);
        }
        playerRow = rows;
        add(player, positions, 0);
        for (int k = 0; k < behind; k++) {
            add(behindCar[k], positions, -behindGap[k] * scale);
        }
    }

    /** Keeps the {@link #SIDE} smallest distances, sorted; returns the new count. */
    private static int insert(int[] cars, double[] gaps, int n, int carIdx, double d) {
        int at = n;
        while (at > 0 && gaps[at - 1] > d) {
            at--;
        }
        if (at >= SIDE) {
            return n;
        }
        int last = Math.min(n, SIDE - 1);
        for (int k = last; k > at; k--) {
            cars[k] = cars[k - 1];
            gaps[k] = gaps[k - 1];
        }
        cars[at] = carIdx;
        gaps[at] = d;
        return Math.min(n + 1, SIDE);
    }

    private void add(int carIdx, int[] positions, double seconds) {
        car[rows] = carIdx;
        position[rows] = positions == null ? 0 : positions[carIdx];
        gap[rows++] = seconds;
    }

    public int rows() {
        return rows;
    }

    /** The player's row, -1 when the box is empty. */
    public int playerRow() {
        return playerRow;
    }

    public int car(int row) {
        return car[row];
    }

    /** Race position, 0 when unknown. */
    public int position(int row) {
        return position[row];
    }

    /** Seconds (lap fractions without a lap time) ahead (positive) or behind the player. */
    public double gap(int row) {
        return gap[row];
    }

    /** The gap as +1.2 or -0.4, rebuilt only when its tenths change. */
    public String gapText(int row) {
        long key = Math.round(gap[row] * 10);
        String s = gapText[row].lookup(key);
        if (s != null) {
            return s;
        }
        StringBuilder b = gapText[row].start(key).append(key < 0 ? '-' : '+');
        CachedText.fixed(b, Math.abs(key), 1);
        return gapText[row].finish();
    }
}
