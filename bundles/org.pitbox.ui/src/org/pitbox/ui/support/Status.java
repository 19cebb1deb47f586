package org.pitbox.ui.support;

/** Event topics and payloads shared by parts and the status line. */
public final class Status {
    /** A sentence for the status line (payload: String). */
    public static final String TOPIC_MESSAGE = "pitbox/status/message";
    /** The telemetry feed started or stopped (payload: String, the source name or empty). */
    public static final String TOPIC_FEED = "pitbox/status/feed";
    /** A session was opened in the Race Engineer perspective (payload: String, its path). */
    public static final String TOPIC_SESSION = "pitbox/status/session";
    /** The team server answered or failed (payload: String). */
    public static final String TOPIC_SERVER = "pitbox/status/server";

    private Status() {
    }
}
