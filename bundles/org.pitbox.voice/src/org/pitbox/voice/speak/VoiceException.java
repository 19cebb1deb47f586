package org.pitbox.voice.speak;

/** A voice could not speak: the message says why in words for the driver. */
public class VoiceException extends Exception {
    private static final long serialVersionUID = 1L;

    public VoiceException(String message) {
        super(message);
    }

    public VoiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
