package org.pitbox.voice.capture;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where push-to-talk audio comes from: the driver's microphone, or a WAV file in the demo and tests. Chunks are
 * 16 kHz mono 16-bit samples of about 20 ms, handed over on the feed's own thread.
 */
public interface AudioFeed extends AutoCloseable {
    /** Samples per chunk: 20 ms at 16 kHz. */
    int CHUNK = 320;

    /** What the settings show, e.g. the microphone's name. */
    String name();

    /** Starts handing over chunks until {@link #stop()}; throws with the reason when the audio cannot be read. */
    void start(Consumer<short[]> chunks) throws IOException;

    /** Stops; returns after the last chunk was handed over. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
