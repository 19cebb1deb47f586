package org.pitbox.core.strategy;

/** The checks of the planner's figures, each failing with a sentence that names the figure. */
final class Checks {
    /** Slack for floating point when counting whole laps. */
    static final double EPS = 1e-9;

    private Checks() {
    }

    static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
    }

    static void notNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be >= 0 and finite, got " + v);
        }
    }
}
