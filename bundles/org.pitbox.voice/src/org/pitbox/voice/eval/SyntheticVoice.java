package org.pitbox.voice.eval;

import java.io.IOException;

/** A voice that speaks the evaluation's phrases: espeak-ng or FreeTTS. */
public interface SyntheticVoice {
    /** {@code text} spoken, as 16 kHz mono samples. */
    short[] say(String text) throws IOException, InterruptedException;

    /** Its name and speed, such as "en-gb+m3 175 wpm". */
    String label();
}
