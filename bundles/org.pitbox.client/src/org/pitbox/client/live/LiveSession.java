package org.pitbox.client.live;

import org.pitbox.protocol.codec.FrameSchema;

/**
 * A live session as a {@link LiveSubscriber} gets it in the {@code session} message.
 *
 * @param rate frames per second the driver sends (60, or lower on a poor connection)
 */
public record LiveSession(String key, FrameSchema schema, String sessionInfo, long driverUserId,
        String driverName, int rate) {
}
