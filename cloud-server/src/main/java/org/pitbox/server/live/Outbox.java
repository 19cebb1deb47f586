package org.pitbox.server.live;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends to one WebSocket without ever blocking or locking. Frames are bounded: {@link #offer} refuses
 * while {@code limit} messages are still unwritten. Control messages and catch-up always go out. A
 * frame's bytes are shared by every subscriber's outbox; each send only wraps them.
 */
final class Outbox {
    private final Session ws;
    private final int limit;
    private final AtomicInteger pending = new AtomicInteger();
    private final Callback done = Callback.from(pending::decrementAndGet, failure -> pending.decrementAndGet());

    Outbox(Session ws, int limit) {
        this.ws = ws;
        this.limit = limit;
    }

    boolean hasRoom() {
        return pending.get() < limit;
    }

    /** Sends a frame unless the queue is full. */
    boolean offer(byte[] message) {
        if (pending.incrementAndGet() > limit) {
            pending.decrementAndGet();
            return false;
        }
        ws.sendBinary(ByteBuffer.wrap(message), done);
        return true;
    }

    void send(byte[] message) {
        pending.incrementAndGet();
        ws.sendBinary(ByteBuffer.wrap(message), done);
    }

    void send(String text) {
        pending.incrementAndGet();
        ws.sendText(text, done);
    }

    void close(int status, String reason) {
        ws.close(status, reason, Callback.NOOP);
    }
}
