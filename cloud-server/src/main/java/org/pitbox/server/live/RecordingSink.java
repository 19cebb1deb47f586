package org.pitbox.server.live;

import java.nio.file.Path;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * Receives every ended live session as a finished .ibt file and its video as an MP4 file (null if it had none),
 * which it then owns (moves or deletes).
 */
public interface RecordingSink {
    void sessionEnded(long teamId, long userId, String sessionKey, FrameSchema schema, String sessionInfoYaml,
            Path ibtFile, Path videoFile);

    RecordingSink DISCARD = (teamId, userId, key, schema, yaml, file, video) -> {
        try {
            java.nio.file.Files.deleteIfExists(file);
            if (video != null) {
                java.nio.file.Files.deleteIfExists(video);
            }
        } catch (java.io.IOException e) {
            // nothing to keep
        }
    };
}
