package org.pitbox.server.live;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends to one WebSocket without ever blocking or locking, within a byte bound. Frames may fill half of it:
 * {@link #offer} refuses while {@code frames} messages or half the bytes are still unwritten. Control messages
 * and catch-up must go out: one that would pass the bound disconnects the socket as too slow instead. A
 * frame's bytes are shared by every subscriber's outbox; each send only wraps them. Text counts its characters.
 */
final class Outbox {
    private final Session ws;
    private final int frames;
    private final long maxBytes;
    private final Runnable tooSlow;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean cut = new AtomicBoolean();

    /** @param tooSlow runs once if the socket is disconnected for not reading */
    Outbox(Session ws, int frames, long maxBytes, Runnable tooSlow) {
        this.ws = ws;
        this.frames = frames;
        this.maxBytes = maxBytes;
        this.tooSlow = tooSlow;
    }

    boolean hasRoom() {
        return pending.get() < frames && bytes.get() < maxBytes / 2;
    }

    /** Sends a video picture unless half the frames' room is taken: video is dropped before telemetry. */
    boolean offerVideo(byte[] message) {
        int n = message.length;
        if (pending.incrementAndGet() > frames / 2 | bytes.addAndGet(n) > maxBytes / 4) {
            release(n);
            return false;
        }
        ws.sendBinary(ByteBuffer.wrap(message), written(n));
        return true;
    }

    /** Sends a frame unless the queue is full. */
    boolean offer(byte[] message) {
        int n = message.length;
        if (pending.incrementAndGet() > frames | bytes.addAndGet(n) > maxBytes / 2) { // both counted: release undoes both
            release(n);
            return false;
        }
        ws.sendBinary(ByteBuffer.wrap(message), written(n));
        return true;
    }

    void send(byte[] message) {
        if (reserve(message.length)) {
            ws.sendBinary(ByteBuffer.wrap(message), written(message.length));
        }
    }

    void send(String text) {
        if (reserve(text.length())) {
            ws.sendText(text, written(text.length()));
        }
    }

    void close(int status, String reason) {
        ws.close(status, reason, Callback.NOOP);
    }

    void ping() {
        ws.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    /** Drops the connection without a close handshake, for a peer that no longer reads. */
    void disconnect() {
        ws.disconnect();
    }

    /** Bytes not yet written. */
    long pendingBytes() {
        return bytes.get();
    }

    private boolean reserve(int n) {
        pending.incrementAndGet();
        if (bytes.addAndGet(n) <= maxBytes) {
            return true;
        }
        release(n);
        if (cut.compareAndSet(false, true)) {
            tooSlow.run();
            CompletableFuture.runAsync(this::disconnect); // not here: the sender may be iterating its sockets
        }
        return false;
    }

    private Callback written(int n) {
        return Callback.from(() -> release(n), failure -> release(n));
    }

    private void release(int n) {
        pending.decrementAndGet();
        bytes.addAndGet(-n);
    }
}
