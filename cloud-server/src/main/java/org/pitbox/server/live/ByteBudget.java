package org.pitbox.server.live;

/** A token bucket of bytes: {@code perSecond} on average, {@code burst} at once. Thread-safe. */
final class ByteBudget {
    private final long perSecond;
    private final long burst;
    private long tokens;
    private long last = System.nanoTime();

    ByteBudget(long perSecond, long burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes n bytes if the budget has them. */
    synchronized boolean take(int n) {
        long now = System.nanoTime();
        long elapsed = Math.min(now - last, 60_000_000_000L); // no overflow after a long pause
        tokens = Math.min(burst, tokens + elapsed * perSecond / 1_000_000_000L);
        last = now;
        if (tokens < n) {
            return false;
        }
        tokens -= n;
        return true;
    }
}
