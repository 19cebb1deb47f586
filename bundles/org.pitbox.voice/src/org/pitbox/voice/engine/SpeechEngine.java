package org.pitbox.voice.engine;

/**
 * A speech recogniser for push-to-talk: {@link #start()} when the key is pressed, {@link Utterance#hear} each
 * chunk of audio as it is captured, {@link Utterance#finish()} when the key is released; the words come back in
 * the command grammar, with "&lt;unk&gt;" or "[unk]" (or nothing) for speech outside it. Engines decode while the
 * driver speaks, so little work is left at the release. Engines are made for one {@code CommandTable} and hear
 * one utterance at a time.
 */
public interface SpeechEngine extends AutoCloseable {
    /** The engine's name as the settings show it, for example "Sphinx4 (built in)". */
    String name();

    /** The key is pressed: an utterance that hears audio from now on. */
    Utterance start();

    /** The words in one whole utterance of 16 kHz mono 16-bit samples ({@link Audio#RATE}), heard at once. */
    default String recognise(short[] samples) {
        Utterance u = start();
        u.hear(samples);
        return u.finish();
    }

    @Override
    void close();

    /** One key press. Audio past {@link Audio#MAX_SECONDS} is not heard. */
    interface Utterance {
        /** The next chunk of 16 kHz mono samples, as the microphone delivered it. */
        void hear(short[] chunk);

        /** The key is released: the words heard. Every started utterance is finished, once; this waits for the decoding. */
        String finish();
    }
}
