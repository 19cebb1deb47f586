package org.pitbox.voice.speak;

import java.time.Duration;

/**
 * One thing to say to the driver. Its age counts from {@code madeNanos} ({@link System#nanoTime}); past
 * {@code maxAge} it is dropped, never said late.
 */
public record Message(String text, Priority priority, long madeNanos, Duration maxAge) {
    /** URGENT cuts off whatever ROUTINE message is playing; ROUTINE waits for a straight and for urgent calls. */
    public enum Priority {
        /** Flag changes, the pit limiter, fuel critical, a coach's urgent fact. */
        URGENT,
        /** Answers, radio, coach hints. */
        ROUTINE
    }

    public Message {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message needs text");
        }
    }

    /** An urgent call made now. */
    public static Message urgent(String text, Duration maxAge) {
        return new Message(text, Priority.URGENT, System.nanoTime(), maxAge);
    }

    /** A routine message made now. */
    public static Message routine(String text, Duration maxAge) {
        return new Message(text, Priority.ROUTINE, System.nanoTime(), maxAge);
    }

    /** Whether it is too old to say at {@code nowNanos}. */
    public boolean stale(long nowNanos) {
        return nowNanos - madeNanos > maxAge.toNanos();
    }
}
