package org.pitbox.server.voice;

import java.time.Duration;
import java.util.Locale;

/**
 * A call to ElevenLabs that gave no audio. The message names the status, ElevenLabs' error code and request id,
 * never a key; {@link #kind()} is what the route acts on and the metrics label.
 */
public final class TtsException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        INVALID_KEY, QUOTA, BUSY, TOO_LONG, REJECTED, SERVER, TIMEOUT, UNREACHABLE, DISCONNECTED, BAD_RESPONSE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final String code;
    private final transient Duration retryAfter;

    public TtsException(Kind kind, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public TtsException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** ElevenLabs' error code ({@code detail.code}, or the legacy {@code detail.status}); null when it gave none. */
    public String code() {
        return code;
    }

    /** How long ElevenLabs asked to wait (429), null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
