package org.pitbox.server.live;

import java.nio.file.Path;
import org.pitbox.protocol.codec.FrameSchema;

/** Receives every ended live session as a finished .ibt file, which it then owns (moves or deletes). */
public interface RecordingSink {
    void sessionEnded(long teamId, long userId, String sessionKey, FrameSchema schema, String sessionInfoYaml,
            Path ibtFile);

    RecordingSink DISCARD = (teamId, userId, key, schema, yaml, file) -> {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // nothing to keep
        }
    };
}
