package org.pitbox.server.ai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a failing service: after {@code threshold} failures in a row it opens for {@code openFor}, then
 * lets one trial call through (half open); its success closes the breaker, its failure opens it again.
 */
public final class CircuitBreaker {
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openUntil;
    private boolean trialRunning;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** True when a call may go ahead now; in the half-open state only one caller gets true. */
    public synchronized boolean allow() {
        if (openUntil == null) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialRunning) {
            return false;
        }
        trialRunning = true;
        return true;
    }

    public synchronized void succeeded() {
        failures = 0;
        openUntil = null;
        trialRunning = false;
    }

    public synchronized void failed() {
        failures++;
        if (trialRunning || failures >= threshold) {
            openUntil = clock.instant().plus(openFor);
            trialRunning = false;
        }
    }

    public synchronized boolean isOpen() {
        return openUntil != null;
    }
}
