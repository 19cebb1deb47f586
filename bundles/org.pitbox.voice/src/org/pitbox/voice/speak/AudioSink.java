package org.pitbox.voice.speak;

import java.io.IOException;

/**
 * Where the {@link SpeechQueue} plays: 16 kHz mono signed 16-bit little-endian PCM, as a device does, blocking
 * while its buffer is full. Used by the queue's thread only.
 */
public interface AudioSink extends AutoCloseable {
    /** Opens the device if it is not open; a clear message when there is none. */
    void open() throws IOException;

    /** Plays {@code length} bytes; blocks while the device's buffer is full. */
    void write(byte[] pcm, int offset, int length) throws IOException;

    /** Drops what was written but not yet heard (a message cut off). */
    void flush();

    /** Waits until everything written has been heard. */
    void drain();

    @Override
    void close();
}
