package org.pitbox.server.live;

import java.io.IOException;
import java.nio.file.Path;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * A live session's claim on its key and its frames until it ends: a {@link Spool} on this node, or a
 * {@link StreamRecording} in JetStream that any node can continue.
 */
interface Recording {
    /** The claim on the session key, as the nodes see it. */
    record Claim(Recording recording, long lastSeq, String heldBy) {
        static Claim refused(String heldBy) {
            return new Claim(null, 0, heldBy);
        }
    }

    /**
     * Keeps the FRAME message seq, without waiting for a disk or the network; frames come in order, repeats of kept
     * ones may follow a resume. False when it cannot take it now (too much is not yet kept): nothing was taken.
     */
    boolean append(long seq, byte[] message) throws IOException;

    /** Runs then, on any thread, once every frame appended so far is kept. */
    void whenKept(Runnable then);

    /** The session ended: the key is free for a new session. */
    void release();

    /**
     * Turns the frames into an .ibt at rate ticks per second, which it returns, and frees them; null when
     * another node stores them (it found them orphaned first).
     */
    Path finish(FrameSchema schema, int rate, String sessionInfo) throws IOException;

    /** Another node carries on with the key and the frames: let go of both, keep nothing. */
    void abandon();
}
