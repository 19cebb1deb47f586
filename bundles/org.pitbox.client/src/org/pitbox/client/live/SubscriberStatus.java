package org.pitbox.client.live;

/**
 * What the engineer's connection state shows about a {@link LiveSubscriber}.
 *
 * @param state         see {@link State}
 * @param reason        why the last connection failed or ended, or null
 * @param frames        frames received and decoded so far
 * @param dropped       frames missed so far: those the server reported dropped (DROPPED, {@code ended}) and
 *                      gaps in seq, such as the frames sent while reconnecting; each frame counted once
 * @param latencyMillis round trip of the last WebSocket ping, -1 before the first
 */
public record SubscriberStatus(State state, String reason, long frames, long dropped, long latencyMillis) {

    public enum State {
        /** The first connection is being made. */
        CONNECTING,
        /** Connected. */
        CONNECTED,
        /** The connection was lost or refused (reason says why): trying again. */
        RECONNECTING,
        /** Closed. */
        OFFLINE
    }
}
