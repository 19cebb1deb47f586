package org.pitbox.server.ai;

/** A call to GradientAI that gave no usable answer; the message names what happened, never a key. */
public final class AiException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong; the wire name is the metrics label. */
    public enum Kind {
        UNAUTHORIZED, REJECTED, RATE_LIMITED, SERVER, TIMEOUT, UNREACHABLE, DISCONNECTED, BAD_RESPONSE, CIRCUIT_OPEN;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;

    public AiException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
