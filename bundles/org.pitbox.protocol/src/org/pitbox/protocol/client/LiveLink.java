package org.pitbox.protocol.client;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reconnecting WebSocket of a {@link LiveSubscriber}: a fresh bearer token for each connection,
 * {@link Backoff} between attempts, and a ping every {@link #PING_MILLIS} that measures the round trip and
 * notices a dead link.
 * <p>
 * Complete messages queue up for the owner's thread, which hands each back with {@link #done}; only then is
 * the socket asked for another. So at most {@link #WINDOW} messages wait here, the socket thread never waits
 * for the owner, and a slow owner slows the server's sending to it (the server then drops frames and counts
 * them) instead of filling memory.
 */
final class LiveLink implements AutoCloseable {
    static final int WINDOW = 256;
    static final long PING_MILLIS = 2000;
    private static final long TIMEOUT_SECONDS = 10;
    private static final long SILENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** A complete text or binary message of a connection; with neither, a change of state. */
    record Item(Connection from, String text, byte[] binary) {
    }

    private final URI uri;
    private final Supplier<String> token;
    private final Backoff backoff;
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private volatile Connection connection;
    private volatile SubscriberStatus.State state = SubscriberStatus.State.CONNECTING;
    private volatile String reason;
    private volatile long latencyNanos = -1;
    private volatile boolean closed;

    /** Starts connecting to path on server (http, https, ws or wss). */
    LiveLink(URI server, String path, Supplier<String> token, Backoff backoff) {
        this.uri = URI.create(server.toString().replaceFirst("^http", "ws").replaceFirst("/+$", "") + path);
        this.token = token;
        this.backoff = backoff;
        this.thread = Thread.ofPlatform().daemon().name("pitbox-live-link").start(this::run);
    }

    /** The next item, waiting up to millis; null if none came. */
    Item take(long millis) throws InterruptedException {
        return items.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The owner has handled the item: ask its connection for the next message. */
    void done(Item item) {
        if (item.from() != null && item.from().ws != null) {
            item.from().ws.request(1);
        }
    }

    /** Sends a text message on the current connection, after what it is sending; false if not connected. */
    boolean sendText(String text) {
        Connection c = connection;
        return c != null && c.send(ws -> ws.sendText(text, true));
    }

    SubscriberStatus.State state() {
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
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                failure = LivePublisher.message(e);
            } catch (InterruptedException e) {
                break;
            } finally {
                Connection c = connection;
                connection = null;
                if (c != null) {
                    c.abort();
                }
            }
            if (closed) {
                break;
            }
            state(SubscriberStatus.State.RECONNECTING, failure);
            try {
                stop.await(backoff.nextMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** One connection, pinging until it is lost; returns why. */
    private String connect() throws InterruptedException, ExecutionException, TimeoutException {
        Connection c = new Connection();
        http.newWebSocketBuilder().header("Authorization", "Bearer " + token.get())
                .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)).buildAsync(uri, c)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        backoff.reset();
        state(SubscriberStatus.State.CONNECTED, null);
        while (!closed) {
            c.send(ws -> ws.sendPing(ByteBuffer.allocate(8).putLong(0, System.nanoTime())));
            try {
                return c.lost.get(PING_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still there
            }
            if (items.isEmpty() && System.nanoTime() - c.heard > SILENCE_NANOS) {
                return "no answer from the server";
            }
        }
        return "closed";
    }

    private void state(SubscriberStatus.State s, String why) {
        state = s;
        reason = why;
        items.add(new Item(null, null, null));
    }

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
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state(SubscriberStatus.State.OFFLINE, "closed");
    }

    /** One WebSocket connection: reassembles messages into items and tells when it is lost. */
    final class Connection implements WebSocket.Listener {
        final CompletableFuture<String> lost = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        volatile WebSocket ws;
        /** When the server was last heard from (System.nanoTime). */
        volatile long heard = System.nanoTime();

        /** Sends once the previous send is done, without waiting; false if the connection is lost. */
        synchronized boolean send(Function<WebSocket, CompletableFuture<WebSocket>> op) {
            if (lost.isDone()) {
                return false;
            }
            sending = sending.thenCompose(previous -> op.apply(ws)).whenComplete((w, e) -> {
                if (e != null) {
                    lost.complete("send failed: " + LivePublisher.message(e));
                }
            });
            return true;
        }

        void abort() {
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
            lost.complete(LivePublisher.message(error));
        }
    }
}
