package org.pitbox.core.live;

/**
 * The session's best clean lap as elapsed times at fixed steps of lap distance, and the delta to it: the
 * reference of the overlay and of Team Live. {@link LiveLap} feeds it the laps that start at the line and says
 * at their end whether they count; only clean laps do (never an out, in, incomplete, refuel or off-track lap).
 * Nothing is allocated after construction.
 */
public final class BestLap {
    /** Steps of lap distance; 1000 gives a point every few metres on any track. */
    public static final int STEPS = 1000;

    private final double[] current = new double[STEPS];
    private final double[] best = new double[STEPS];
    private boolean recording;
    private int reached;
    private double lastPct;
    private double lastElapsed;
    private double bestTime = Double.NaN;

    /** A lap starts at the line. */
    void start() {
        recording = true;
        current[0] = 0;
        reached = 0;
        lastPct = 0;
        lastElapsed = 0;
    }

    /** A lap starts away from the line: it is not followed. */
    void skip() {
        recording = false;
    }

    /** The lap in progress is at {@code pct}, {@code elapsed} seconds after it started at the line. */
    void sample(double pct, double elapsed) {
        if (!recording || !(pct > lastPct) || pct >= 1) {
            return;
        }
        fill((int) (pct * STEPS), pct, elapsed);
        lastPct = pct;
        lastElapsed = elapsed;
    }

    /** The lap followed ends at the line after {@code lapTime}; it becomes the best when it counts and is faster. */
    void end(double lapTime, boolean counts) {
        if (recording && counts && !(lapTime >= bestTime)) {
            fill(STEPS - 1, 1, lapTime);
            bestTime = lapTime;
            System.arraycopy(current, 0, best, 0, STEPS);
        }
        recording = false;
    }

    /** Times at the steps up to {@code step}, interpolated from the previous sample to this one. */
    private void fill(int step, double pct, double elapsed) {
        for (int k = reached + 1; k <= step; k++) {
            double at = (double) k / STEPS;
            current[k] = lastElapsed + (at - lastPct) / (pct - lastPct) * (elapsed - lastElapsed);
        }
        reached = Math.max(reached, step);
    }

    /** Seconds behind (positive) or ahead of the best lap at {@code pct}, {@code elapsed} into the lap; NaN without one. */
    public double delta(double pct, double elapsed) {
        return elapsed - timeAt(pct);
    }

    /** Seconds into the best lap at lap distance {@code pct} (0 to 1); NaN without a best lap. */
    public double timeAt(double pct) {
        if (Double.isNaN(bestTime) || !(pct >= 0) || pct > 1) {
            return Double.NaN;
        }
        double at = pct * STEPS;
        int i = Math.min((int) at, STEPS - 1);
        double next = i + 1 < STEPS ? best[i + 1] : bestTime;
        return best[i] + (at - i) * (next - best[i]);
    }

    /** The best clean lap's time, NaN before one. */
    public double bestTime() {
        return bestTime;
    }
}
