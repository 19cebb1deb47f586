package org.pitbox.ui.services;

/**
 * Event topics between the workbench's own parts and the status line. The application layer's services
 * ({@code org.pitbox.app}) tell of their changes through their typed listeners instead.
 */
public final class Status {
    /** A sentence for the status line (payload: String). */
    public static final String TOPIC_MESSAGE = "pitbox/status/message";
    /** The team server answered or failed (payload: String). */
    public static final String TOPIC_SERVER = "pitbox/status/server";

    private Status() {
    }
}
