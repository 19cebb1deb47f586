package org.pitbox.client.live;

/**
 * What the overlay shows about a {@link LivePublisher}.
 *
 * @param state          see {@link State}
 * @param reason         why the last connection failed or ended, or null
 * @param spooledSeconds data kept in the spool and not yet acknowledged, in seconds at the tick rate
 * @param bytesPerSecond upstream bytes sent in the last second
 * @param dropped        rows dropped so far: the spool or the row queue was full
 */
public record LiveStatus(State state, String reason, double spooledSeconds, long bytesPerSecond, long dropped) {

    public enum State {
        /** Connecting and opening the session. */
        CONNECTING,
        /** Open, and less than a second behind. */
        LIVE,
        /** Open, and catching up on at least a second of spooled data. */
        SPOOLING,
        /** Not connected: waiting to try again (reason says why), or closed. */
        OFFLINE
    }
}
