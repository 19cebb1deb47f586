package org.pitbox.iracing.ibt;

import java.io.IOException;

/** The bytes are not a valid iRacing telemetry image (.ibt file or shared-memory dump); the message names the problem. */
public class IbtFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public IbtFormatException(String message) {
        super(message);
    }

    public IbtFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
