package org.pitbox.client;

/** Progress of an upload or a download, told on the thread doing the transfer. */
@FunctionalInterface
public interface TransferProgress {
    TransferProgress NONE = (done, total) -> {
    };

    /** {@code done} of {@code total} bytes have arrived on the other side. */
    void progress(long done, long total);

    /** The server's id of an upload, told before any chunk is sent: keep it to resume after an interruption. */
    default void session(long sessionId) {
    }
}
