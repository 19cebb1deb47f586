package org.pitbox.core.analysis;

import java.util.Arrays;

/**
 * The time delta of a lap against the reference lap along the lap: positive seconds mean slower.
 * {@link #distancePct()} and {@link #deltaSeconds()} return copies.
 *
 * @param distancePct  lap distance of each sample, rising from 0
 * @param deltaSeconds the delta at each sample
 */
public record DeltaTrace(double[] distancePct, double[] deltaSeconds) {

    public DeltaTrace {
        if (distancePct.length != deltaSeconds.length) {
            throw new IllegalArgumentException(distancePct.length + " distances, " + deltaSeconds.length + " deltas");
        }
        distancePct = distancePct.clone();
        deltaSeconds = deltaSeconds.clone();
    }

    /** The delta at lap distance {@code pct}, interpolated; outside the trace its first or last, 0 when empty. */
    public double deltaAt(double pct) {
        int n = distancePct.length;
        if (n == 0) {
            return 0;
        }
        if (pct <= distancePct[0]) {
            return deltaSeconds[0];
        }
        if (pct >= distancePct[n - 1]) {
            return deltaSeconds[n - 1];
        }
        int hi = Arrays.binarySearch(distancePct, pct);
        if (hi >= 0) {
            return deltaSeconds[hi];
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double t = (pct - distancePct[lo]) / (distancePct[hi] - distancePct[lo]);
        return deltaSeconds[lo] + t * (deltaSeconds[hi] - deltaSeconds[lo]);
    }

    @Override
    public double[] distancePct() {
        return distancePct.clone();
    }

    @Override
    public double[] deltaSeconds() {
        return deltaSeconds.clone();
    }
}
