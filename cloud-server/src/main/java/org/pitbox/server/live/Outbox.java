package org.pitbox.server.live;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends to one WebSocket without ever blocking. Frames are bounded: {@link #offer} refuses while
 * {@code limit} messages are still unwritten. Control messages and catch-up always go out.
 */
final class Outbox {
    private final Session ws;
    private final int limit;
    private final Callback done = Callback.from(this::release, failure -> release());
    private int pending;

    Outbox(Session ws, int limit) {
        this.ws = ws;
        this.limit = limit;
    }

    synchronized boolean hasRoom() {
        return pending < limit;
    }

    /** Sends a frame unless the queue is full. */
    synchronized boolean offer(byte[] message) {
        if (pending >= limit) {
            return false;
        }
        send(message);
        return true;
    }

    synchronized void send(byte[] message) {
        pending++;
        ws.sendBinary(ByteBuffer.wrap(message), done);
    }

    synchronized void send(String text) {
        pending++;
        ws.sendText(text, done);
    }

    void close(int status, String reason) {
        ws.close(status, reason, Callback.NOOP);
    }

    private synchronized void release() {
        pending--;
    }
}
