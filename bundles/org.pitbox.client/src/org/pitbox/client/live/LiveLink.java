package org.pitbox.client.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * The reconnecting WebSocket of the {@link LivePublisher} and the {@link LiveSubscriber}: a fresh bearer token
 * for each connection, {@link Backoff} between attempts, and a ping every {@link #PING_MILLIS} that measures
 * the round trip and notices a dead link. Once a second it asks the token supplier again and sends a changed
 * token on the open socket ({@code token}), so a supplier that renews tokens before they expire (as
 * {@code CloudClient.accessToken} does) keeps the socket open past the first token's expiry.
 * <p>
 * It calls its {@link Owner} on two threads of its own: a connecting thread that runs {@link Owner#connected}
 * while a connection is up, and a delivery thread for what arrives.
 * <p>
 * Complete messages queue up for the delivery thread; only when the owner has handled one is the socket asked
 * for another. So at most {@link #WINDOW} messages wait here, the socket thread never waits for the owner, and
 * a slow owner slows the server's sending to it instead of filling memory.
 */
final class LiveLink implements AutoCloseable {
    static final int WINDOW = 256;
    static final long PING_MILLIS = 2000;
    static final long TIMEOUT_SECONDS = 10;
    private static final long SILENCE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long TOKEN_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    enum State {
        /** Connecting; {@link #reason} says why the attempt before failed, null on the first. */
        CONNECTING,
        CONNECTED,
        /** Lost or refused ({@link #reason} says why), waiting to try again. */
        WAITING,
        CLOSED
    }

    /** What the link's owner does; after {@link #close} the link calls it no more. */
    interface Owner {
        /**
         * While a connection is up, on the connecting thread: returns why it is to end (the link then reconnects),
         * or null to connect no more.
         */
        String connected(Connection c) throws IOException, InterruptedException, ExecutionException,
                TimeoutException;

        /** A complete text or binary message, in order, on the delivery thread; an IOException gives c up. */
        void received(Connection from, String text, byte[] binary) throws IOException;

        /** The link's {@link #state} changed; on the delivery thread. */
        void stateChanged();

        /** Once a second, on the delivery thread. */
        void second();
    }

    /** A complete text or binary message of a connection; with neither, a change of state. */
    private record Item(Connection from, String text, byte[] binary) {
    }

    private final URI uri;
    private final Supplier<String> token;
    private final Backoff backoff;
    private final Owner owner;
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread connecting;
    private final Thread delivery;
    private volatile Connection connection;
    private volatile State state = State.CONNECTING;
    private volatile String reason;
    private volatile long latencyNanos = -1;
    private volatile boolean closed;

    /** Starts connecting to path on server (http, https, ws or wss). */
    LiveLink(URI server, String path, Supplier<String> token, Backoff backoff, Owner owner) {
        this.uri = LiveProtocol.socketUri(server, path);
        this.token = token;
        this.backoff = backoff;
        this.owner = owner;
        this.connecting = Thread.ofPlatform().daemon().name("pitbox-live-link").start(this::run);
        this.delivery = Thread.ofPlatform().daemon().name("pitbox-live-delivery").start(this::deliver);
    }

    /** Queues a text message on the current connection, after what it is sending; false if not connected. */
    boolean sendText(String text) {
        Connection c = connection;
        return c != null && c.sendText(text);
    }

    State state() {
        return state;
    }

    String reason() {
        return reason;
    }

    /** The last ping's round trip in milliseconds, -1 before the first. */
    long latencyMillis() {
        long n = latencyNanos;
        return n < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(n);
    }

    private void run() {
        while (!closed) {
            String failure;
            try {
                failure = connect();
            } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
                failure = message(e);
            } catch (InterruptedException e) {
                break;
            } finally {
                Connection c = connection;
                connection = null;
                if (c != null) {
                    c.abort();
                }
            }
            if (closed || failure == null) {
                break;
            }
            state(State.WAITING, failure);
            try {
                stop.await(backoff.nextMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (!closed) {
                state(State.CONNECTING, failure);
            }
        }
    }

    /** One connection: the owner's session runs while it is up; returns why it ended. */
    private String connect() throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Connection c = new Connection(token.get());
        http.newWebSocketBuilder().header("Authorization", "Bearer " + c.token)
                .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)).buildAsync(uri, c)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        backoff.reset();
        state(State.CONNECTED, null);
        return owner.connected(c);
    }

    private void deliver() {
        long second = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!closed) {
            Item item;
            try {
                item = items.poll(Math.max(0, second - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (closed) {
                    return;
                }
                if (item != null && item.from() == null) {
                    owner.stateChanged();
                } else if (item != null) {
                    owner.received(item.from(), item.text(), item.binary());
                }
                if (System.nanoTime() - second >= 0) {
                    second = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                    owner.second();
                }
            } catch (IOException e) {
                item.from().fail(message(e));
            } catch (RuntimeException e) {
                // an owner that throws is its own problem
            } finally {
                if (item != null && item.from() != null && item.from().ws != null) {
                    item.from().ws.request(1); // handled: the next message
                }
            }
        }
    }

    private void state(State s, String why) {
        state = s;
        reason = why;
        items.add(new Item(null, null, null));
    }

    /**
     * Disconnects, and waits a moment for the owner's calls in progress (unless called from one of them); no
     * other call follows.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop.countDown();
        Connection c = connection;
        if (c != null) {
            c.abort();
        }
        http.shutdownNow();
        try {
            if (Thread.currentThread() != connecting) {
                connecting.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            }
            if (Thread.currentThread() != delivery) {
                delivery.join(PING_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = State.CLOSED;
        reason = "closed";
    }

    /** A short text for a connection failure. */
    static String message(Throwable e) {
        while (e.getCause() != null && (e instanceof ExecutionException || e instanceof CompletionException)) {
            e = e.getCause();
        }
        if (e instanceof WebSocketHandshakeException h) {
            return "refused: HTTP " + h.getResponse().statusCode();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** One WebSocket connection: reassembles messages into items, sends in order and tells when it is lost. */
    final class Connection implements WebSocket.Listener {
        /** Completes with the reason when the connection is lost. */
        final CompletableFuture<String> lost = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        private long pinged;
        private long tokenChecked = System.nanoTime();
        /** The last token the server got on this connection. */
        private String token;
        private volatile WebSocket ws;
        /** When the server was last heard from (System.nanoTime). */
        private volatile long heard = System.nanoTime();

        private Connection(String token) {
            this.token = token;
        }

        /** Queues a text message; false if the connection is lost. */
        boolean sendText(String message) {
            return !send(w -> w.sendText(message, true)).isCompletedExceptionally();
        }

        /** Sends a binary message and waits until it is out; false (and the connection lost) if it failed. */
        boolean sendBinary(byte[] message) throws InterruptedException {
            try {
                send(w -> w.sendBinary(ByteBuffer.wrap(message), true)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return true;
            } catch (ExecutionException | TimeoutException e) {
                lost.complete("send failed: " + message(e));
                return false;
            }
        }

        /** Queues a binary message after what is being sent, without waiting; done once it is out. */
        CompletableFuture<?> queueBinary(byte[] message) {
            return send(w -> w.sendBinary(ByteBuffer.wrap(message), true));
        }

        /** Sends once the previous send is done, without waiting; fails at once if the connection is lost. */
        private synchronized CompletableFuture<?> send(Function<WebSocket, CompletableFuture<WebSocket>> op) {
            if (lost.isDone()) {
                return CompletableFuture.failedFuture(new IOException(lost.join()));
            }
            sending = sending.thenCompose(previous -> op.apply(ws)).whenComplete((w, e) -> {
                if (e != null) {
                    lost.complete("send failed: " + message(e));
                }
            });
            return sending;
        }

        /**
         * Pings when one is due and sends a renewed token; why to give the connection up (lost, or the server
         * silent for too long), or null while it is alive. Call it at least every {@link #PING_MILLIS}.
         */
        String check() {
            long now = System.nanoTime();
            if (now - pinged >= TimeUnit.MILLISECONDS.toNanos(PING_MILLIS)) {
                pinged = now;
                send(w -> w.sendPing(ByteBuffer.allocate(8).putLong(0, now)));
            }
            if (now - tokenChecked >= TOKEN_CHECK_NANOS) {
                tokenChecked = now;
                renewToken();
            }
            if (items.isEmpty() && now - heard > SILENCE_NANOS) {
                return "no answer from the server";
            }
            return lost.getNow(null);
        }

        /** Sends the supplier's token when it changed; a supplier that fails is asked again next time. */
        private void renewToken() {
            String now;
            try {
                now = LiveLink.this.token.get();
            } catch (RuntimeException e) {
                return; // e.g. the refresh failed: the socket lasts until the server closes it, then reconnects
            }
            if (now != null && !now.equals(token)) {
                try {
                    sendText(ProtocolJson.mapper().writeValueAsString(LiveControl.token(now)));
                    token = now;
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        /** A session that only keeps the connection alive: returns why it ended. */
        String stayOpen() throws InterruptedException, ExecutionException {
            while (true) {
                String why = check();
                if (why != null) {
                    return why;
                }
                try {
                    return lost.get(TimeUnit.NANOSECONDS.toMillis(TOKEN_CHECK_NANOS), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // still there
                }
            }
        }

        /** Gives the connection up: the session sees why at its next {@link #check}. */
        void fail(String why) {
            lost.complete(why);
        }

        private void abort() {
            lost.complete("closed");
            WebSocket w = ws;
            if (w != null) {
                w.abort();
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            connection = this; // before any message: the owner may answer one at once
            webSocket.request(WINDOW);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            heard = System.nanoTime();
            text.append(data);
            if (last) {
                items.add(new Item(this, text.toString(), null));
                text.setLength(0);
            } else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            heard = System.nanoTime();
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                items.add(new Item(this, null, binary.toByteArray()));
                binary.reset();
            } else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            heard = System.nanoTime();
            webSocket.request(1); // the pong goes out by itself
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            long now = System.nanoTime();
            heard = now;
            if (message.remaining() == 8) {
                latencyNanos = now - message.getLong(message.position());
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String why) {
            lost.complete("closed by the server: " + statusCode + (why.isEmpty() ? "" : " " + why));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost.complete(message(error));
        }
    }
}
