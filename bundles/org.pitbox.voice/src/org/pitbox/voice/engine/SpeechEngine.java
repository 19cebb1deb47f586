package org.pitbox.voice.engine;

/**
 * A speech recogniser for push-to-talk: each call hears one whole utterance (the audio between pressing and
 * releasing the key) and returns the words it heard in the command grammar, with "<unk>" or "[unk]" (or nothing)
 * for speech outside it. Engines are made for one {@code CommandTable} and are used by one thread at a time.
 */
public interface SpeechEngine extends AutoCloseable {
    /** The engine's name as the settings show it, for example "Sphinx4 (built in)". */
    String name();

    /** The words in one utterance of 16 kHz mono 16-bit samples ({@link Audio#RATE}). */
    String recognise(short[] samples);

    @Override
    void close();
}
