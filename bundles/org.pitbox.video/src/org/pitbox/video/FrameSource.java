package org.pitbox.video;

import java.io.IOException;

/** Where the pipeline's pictures come from; {@link #grab()} blocks until the next one is due. */
public interface FrameSource extends AutoCloseable {
    VideoPicture grab() throws IOException;

    @Override
    void close();
}
