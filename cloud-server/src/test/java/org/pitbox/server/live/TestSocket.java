package org.pitbox.server.live;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.live.LiveControl;

/** A WebSocket client endpoint that queues what it receives; a paused one reads nothing until {@link #resume()}. */
public final class TestSocket implements Session.Listener {
    final BlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
    final BlockingQueue<LiveControl> text = new LinkedBlockingQueue<>();
    /** The close status and reason, once the connection is closed. */
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private volatile Consumer<byte[]> onBinary = binary::add;
    private volatile boolean reading;
    private volatile Session session;

    private TestSocket(boolean reading) {
        this.reading = reading;
    }

    static TestSocket connect(WebSocketClient client, URI uri, String token) throws Exception {
        return connect(client, uri, token, true);
    }

    static TestSocket connect(WebSocketClient client, URI uri, String token, boolean reading) throws Exception {
        TestSocket socket = new TestSocket(reading);
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        client.connect(socket, request).get(10, TimeUnit.SECONDS);
        return socket;
    }

    void onBinary(Consumer<byte[]> handler) {
        onBinary = handler;
    }

    void resume() {
        reading = true;
        session.demand();
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        if (reading) {
            s.demand();
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] message = new byte[payload.remaining()];
        payload.get(message);
        callback.succeed();
        onBinary.accept(message);
        if (reading) {
            session.demand();
        }
    }

    @Override
    public void onWebSocketText(String message) {
        try {
            text.add(ProtocolJson.mapper().readValue(message, LiveControl.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        if (reading) {
            session.demand();
        }
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
        closed.complete(status + " " + reason);
    }

    /** The close status and reason; fails if the connection is still open after 10 s. */
    String awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // tests see the effects; connections closed at the end of a test land here
    }

    void send(LiveControl control) throws Exception {
        sendText(ProtocolJson.mapper().writeValueAsString(control));
    }

    /** Sends a text message as it is, waiting until it is out. */
    void sendText(String message) throws Exception {
        Callback.Completable done = new Callback.Completable();
        session.sendText(message, done);
        done.get(10, TimeUnit.SECONDS);
    }

    void send(byte[] message) {
        session.sendBinary(ByteBuffer.wrap(message), Callback.NOOP);
    }

    /** The next control message of this type, skipping others; fails after 10 s. */
    LiveControl await(String type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (LiveControl c; (c = text.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null;) {
            if (type.equals(c.type())) {
                return c;
            }
        }
        throw new AssertionError("no " + type + " message within 10 s");
    }

    /** Closes the TCP connection without a close handshake, as a dropped network would. */
    void drop() {
        session.disconnect();
    }

    void close() {
        session.close();
    }
}
