package org.pitbox.server.live;

/** Lets an action through at most once per interval. */
final class Throttle {
    private final long intervalNanos;
    private long last = System.nanoTime() - Long.MAX_VALUE / 2;

    Throttle(long intervalMillis) {
        this.intervalNanos = intervalMillis * 1_000_000;
    }

    synchronized boolean ready() {
        long now = System.nanoTime();
        if (now - last < intervalNanos) {
            return false;
        }
        last = now;
        return true;
    }
}
