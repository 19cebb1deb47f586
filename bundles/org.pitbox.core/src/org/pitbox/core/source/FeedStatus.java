package org.pitbox.core.source;

/** Where a feed stands, with a sentence for people. */
public record FeedStatus(State state, String message) {
    public enum State {
        /** Waiting for the sim or for data. */
        WAITING,
        /** Rows are arriving. */
        LIVE,
        /** A replay or a simulated run reached its end. */
        ENDED,
        /** The feed failed; the message says why. */
        FAILED
    }

    public static FeedStatus live(String message) {
        return new FeedStatus(State.LIVE, message);
    }

    public static FeedStatus waiting(String message) {
        return new FeedStatus(State.WAITING, message);
    }
}
