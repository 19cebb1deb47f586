package org.pitbox.core.engineer;

import org.pitbox.core.live.LiveLap;

/**
 * Follows LapDistPct sample by sample and tells a listener which of {@code bins} fixed points of lap distance
 * (bin k at k / bins) each step passes, and where laps end and start. A step that jumps, goes back over the
 * line, or comes after a gap longer than {@link LiveLap#GAP_SECONDS} breaks the lap, as the live lap table does
 * (a relay stall that drops frames is a gap, not a new lap). Allocates nothing.
 */
final class LapWalker {
    private static final double MAX_GAP = LiveLap.GAP_SECONDS;

    /** What the walker reports; fractions are of the step from the previous sample to this one. */
    interface Listener {
        /** The step passes bin {@code bin} of the lap in progress at fraction {@code f}. */
        void fill(int bin, double f);

        /** The lap in progress ends at the line at fraction {@code f}; complete when followed from line to line. */
        void lapEnded(double f, boolean complete);

        /** A new lap starts: at the line, or (after a break or at the first sample) part way round. */
        void lapStarted(boolean atLine);
    }

    private final int bins;
    private final Listener listener;
    private double lastPct = Double.NaN;
    private double lastTime;
    private double time;
    private int reached;
    private boolean fromLine;
    private boolean crossing;

    LapWalker(int bins, Listener listener) {
        this.bins = bins;
        this.listener = listener;
    }

    /** Takes one sample; false, changing nothing, when it is no valid sample later than the last one. */
    boolean step(double pct, double sessionTime) {
        if (!(pct >= 0 && pct <= 1) || Double.isNaN(sessionTime) || !Double.isNaN(lastPct) && !(sessionTime > lastTime)) {
            return false;
        }
        time = sessionTime;
        crossing = false;
        double dt = time - lastTime;
        double moved = pct - lastPct;
        double maxStep = 0.02 + 0.25 * dt;
        if (Double.isNaN(lastPct) || dt > MAX_GAP || moved > 0.5 || moved >= -0.5 && Math.abs(moved) > maxStep
                || moved < -0.5 && 1 + moved > maxStep) {
            fromLine = false;
            reached = Math.min(bins - 1, (int) (pct * bins));
            listener.lapStarted(false);
        } else if (moved < -0.5) {
            crossing = true;
            double span = 1 + moved;
            fill(lastPct, span, bins - 1);
            listener.lapEnded((1 - lastPct) / span, fromLine);
            fromLine = true;
            reached = -1;
            listener.lapStarted(true);
            fill(lastPct - 1, span, (int) (pct * bins));
        } else {
            fill(lastPct, moved, Math.min(bins - 1, (int) (pct * bins)));
        }
        lastPct = pct;
        lastTime = time;
        return true;
    }

    /** Reports the bins after the last one reached up to {@code last}, for a step of {@code span} from {@code from}. */
    private void fill(double from, double span, int last) {
        for (int k = reached + 1; k <= last; k++) {
            double f = span > 0 ? ((double) k / bins - from) / span : 1;
            listener.fill(k, Math.max(0, Math.min(1, f)));
        }
        reached = Math.max(reached, last);
    }

    /** Whether the step being reported crosses the line: values that restart each lap do not interpolate across it. */
    boolean crossing() {
        return crossing;
    }

    /** The session time at fraction {@code f} of the step being reported; for listeners during a callback. */
    double timeAt(double f) {
        return lastTime + f * (time - lastTime);
    }
}
