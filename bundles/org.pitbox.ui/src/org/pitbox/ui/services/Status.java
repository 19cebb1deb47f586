package org.pitbox.ui.services;

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

    /** Sign-in, team or live streaming changed (payload: String, a sentence). */
    public static final String TOPIC_TEAM = "pitbox/status/team";
    /** A radio message arrived or was sent (payload: String, "name: text"). */
    public static final String TOPIC_RADIO = "pitbox/status/radio";
    /** The server's coach sent a hint after a lap (payload: LiveControl, a coach message). */
    public static final String TOPIC_COACH = "pitbox/status/coach";

    /** The engineer's live view changed: presence, the watched session, its connection (payload: String). */
    public static final String TOPIC_ENGINEER = "pitbox/status/engineer";
    /** Radio heard by the engineer's live view (payload: String, "name: text"). */
    public static final String TOPIC_ENGINEER_RADIO = "pitbox/status/engineer/radio";
    /** The watched session's models ({@link LiveBoard}): "session", "lap" or "clear". */
    public static final String TOPIC_BOARD = "pitbox/status/engineer/board";

    private Status() {
    }
}
