package org.pitbox.protocol.codec;

/** Malformed, truncated, or incompatible encoded telemetry. */
public final class CodecException extends Exception {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }
}
