package org.pitbox.voice.speak;

/** Where a {@link Voice} writes its speech: 16 kHz mono signed 16-bit little-endian PCM, in pieces as they are made. */
@FunctionalInterface
public interface PcmOutput {
    /** Bytes per second of that PCM. */
    int BYTES_PER_SECOND = 32_000;

    /** Takes {@code length} bytes (an even count); false asks the voice to stop speaking. */
    boolean write(byte[] pcm, int offset, int length);
}
