package org.pitbox.client;

import java.io.IOException;

/**
 * A failed call to the cloud server: its HTTP status, its error code and message ({@code ApiError}), or, with
 * status 0, no answer at all (the message then says why, e.g. "cannot reach the server at ...").
 */
public final class CloudException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /** An error answer; {@code code} is null when the body was not a PitBox error. */
    public CloudException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** No usable answer. */
    public CloudException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = null;
    }

    /** The HTTP status, 0 when the server did not answer. */
    public int status() {
        return status;
    }

    /** The server's snake_case error code, e.g. {@code invalid_credentials}; null when there is none. */
    public String code() {
        return code;
    }
}
