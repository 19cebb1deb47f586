package org.pitbox.core.live;

/**
 * The session's best lap as elapsed times at fixed steps of lap distance, and the live delta to it.
 * Laps count only when driven from line to line; nothing is allocated after construction.
 */
public final class BestLap {
    /** Steps of lap distance; 1000 gives a point every few metres on any track. */
    public static final int STEPS = 1000;

    private final double[] current = new double[STEPS];
    private final double[] best = new double[STEPS];
    private int lap = Integer.MIN_VALUE;
    private double lapStart = Double.NaN;
    private int reached = -1;
    private double lastPct;
    private double lastElapsed;
    private boolean fromLine;
    private double bestTime = Double.NaN;
    private double lastTime = Double.NaN;

    /** Feeds one frame: the lap number, its LapDistPct and SessionTime. */
    public void update(int lapNumber, double pct, double time) {
        if (lapNumber != lap) {
            if (lapNumber == lap + 1 && fromLine && reached >= STEPS - 2) {
                fill(STEPS - 1, 1, time - lapStart);
                finish(time - lapStart);
            }
            fromLine = lapNumber == lap + 1 || pct < 0.02;
            lap = lapNumber;
            lapStart = time;
            reached = -1;
            lastPct = 0;
            lastElapsed = 0;
        }
        if (!(pct >= 0) || pct >= 1) {
            return;
        }
        double elapsed = time - lapStart;
        int step = (int) (pct * STEPS);
        if (step > reached && step - reached < STEPS / 4) {
            fill(step, pct, elapsed);
        }
        lastPct = pct;
        lastElapsed = elapsed;
    }

    /** Times at the steps up to {@code step}, interpolated from the previous sample to this one. */
    private void fill(int step, double pct, double elapsed) {
        for (int k = reached + 1; k <= step; k++) {
            double at = (double) k / STEPS;
            current[k] = pct > lastPct && at > lastPct
                    ? lastElapsed + (at - lastPct) / (pct - lastPct) * (elapsed - lastElapsed) : elapsed;
        }
        reached = step;
    }

    private void finish(double lapTime) {
        lastTime = lapTime;
        if (!(lapTime >= bestTime)) {
            bestTime = lapTime;
            System.arraycopy(current, 0, best, 0, STEPS);
        }
    }

    /** Seconds behind (positive) or ahead of the best lap at {@code pct}, {@code elapsed} into the lap; NaN without one. */
    public double delta(double pct, double elapsed) {
        if (Double.isNaN(bestTime) || !(pct >= 0) || pct >= 1) {
            return Double.NaN;
        }
        double at = pct * STEPS;
        int i = (int) at;
        double next = i + 1 < STEPS ? best[i + 1] : bestTime;
        return elapsed - (best[i] + (at - i) * (next - best[i]));
    }

    /** The best full lap seen, NaN before one. */
    public double bestTime() {
        return bestTime;
    }

    /** The last full lap seen, NaN before one. */
    public double lastTime() {
        return lastTime;
    }
}
