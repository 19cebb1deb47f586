package org.pitbox.iracing.live;

/** What one {@link LiveTelemetryReader#read} call found. */
public enum ReadStatus {
    /** A newer row was copied into the frame. */
    NEW_DATA,
    /** The tick count went backwards (sim restarted); the newest row was copied and tracking reset. */
    RESTARTED,
    /** No row newer than the last one; the frame is unchanged. */
    NO_NEW_DATA,
    /** The sim overwrote the buffer during both copy attempts; the frame content is not valid. */
    TORN,
    /** The sim reports no connection (status bit 1 clear). */
    DISCONNECTED,
    /** The sim rewrote the var headers or row size; open a new reader. */
    LAYOUT_CHANGED;

    public boolean hasData() {
        return this == NEW_DATA || this == RESTARTED;
    }
}
