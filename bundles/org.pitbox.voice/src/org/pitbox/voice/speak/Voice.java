package org.pitbox.voice.speak;

/**
 * A voice that speaks text as PCM ({@link PcmOutput}): the local one ({@link LocalVoice}) or one from the server.
 * A voice over a stream of PCM bytes is a loop of reads and writes. Used by one thread at a time.
 */
public interface Voice {
    /** The name the settings show, for example "Local voice (FreeTTS)". */
    String name();

    /** Speaks {@code text} into {@code out}, returning when it is said or when {@code out} asked to stop. */
    void speak(String text, PcmOutput out) throws VoiceException;
}
