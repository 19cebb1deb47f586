package org.pitbox.server.live;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A live session's video pictures until it ends: a {@link Spool} on this node, or a {@link StreamVideo} in
 * JetStream, which the node that stores the session reads whichever nodes the driver passed through.
 */
interface VideoRecording {
    /** Keeps the VIDEO message seq without waiting; false when it cannot now (the picture is not kept). */
    boolean append(long seq, byte[] message) throws IOException;

    /** Turns the pictures kept into an MP4, which it returns; null if none was kept. */
    Path finishVideo() throws IOException;

    /** The session goes on on another node: let go here (a spool is deleted; JetStream keeps the pictures). */
    void abandon();
}
