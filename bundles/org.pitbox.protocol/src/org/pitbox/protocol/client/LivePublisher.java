package org.pitbox.protocol.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * The driver's live publishing client (docs/live-protocol.md, "Publisher").
 * <p>
 * {@link #publish(byte[])} only queues a copy of the row. A writer thread encodes it and appends the frame to
 * a bounded {@link FrameSpool} on disk; a sender thread connects, opens the session, sends the spool in order
 * and reconnects with {@link Backoff} when the connection is lost. Frames leave the spool when the server
 * acknowledges them, so after a reconnect (or a restart on the same spool directory) the server gets every
 * frame after its {@code opened.seq}, unchanged.
 */
public final class LivePublisher implements AutoCloseable {
    /** Frames sent and not yet acknowledged before the sender waits (5 s at 60 Hz). */
    static final int WINDOW = 300;
    /** Rows waiting for the writer (10 s); beyond that publish drops rows. */
    static final int ROW_QUEUE = 600;
    /** Spooled data from which the state is SPOOLING rather than LIVE. */
    static final double SPOOLING_SECONDS = 2;
    private static final long TIMEOUT_SECONDS = 10;
    /** A ping this often; a connection that stays silent for SILENCE is given up. */
    private static final long PING_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long SILENCE_NANOS = TimeUnit.SECONDS.toNanos(15);

    /**
     * @param spoolDir         this session's spool; a later run with the same directory carries on from it
     * @param spoolBytes       bound of the spool on disk
     * @param keyframeInterval a keyframe at least every this many frames
     * @param tickRate         rows per second the caller publishes, 1 to 60 (lower for a poor connection)
     */
    public record Config(Path spoolDir, long spoolBytes, int keyframeInterval, Backoff backoff, int tickRate) {
        public Config {
            if (!LiveProtocol.validTickRate(tickRate)) {
                throw new IllegalArgumentException("tick rate " + tickRate + " not in 1..60");
            }
        }

        public static Config defaults(Path spoolDir) {
            return new Config(spoolDir, 256L << 20, FrameEncoder.DEFAULT_KEYFRAME_INTERVAL, Backoff.defaults(),
                    LiveProtocol.TICK_RATE);
        }

        public Config withSpoolBytes(long bytes) {
            return new Config(spoolDir, bytes, keyframeInterval, backoff, tickRate);
        }

        public Config withKeyframeInterval(int frames) {
            return new Config(spoolDir, spoolBytes, frames, backoff, tickRate);
        }

        public Config withBackoff(Backoff b) {
            return new Config(spoolDir, spoolBytes, keyframeInterval, b, tickRate);
        }

        public Config withTickRate(int hz) {
            return new Config(spoolDir, spoolBytes, keyframeInterval, backoff, hz);
        }
    }

    private final URI uri;
    private final Supplier<String> token;
    private final FrameSchema schema;
    private final String sessionInfo;
    private final LiveListener listener;
    private final Backoff backoff;
    private final int tickRate;
    private final FrameEncoder encoder;
    private final FrameSpool spool;
    private final BlockingQueue<byte[]> rows = new ArrayBlockingQueue<>(ROW_QUEUE);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("pitbox-live-events").unstarted(r));
    private final Thread writer;
    private final Thread sender;
    private final Object sendLock = new Object();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rowsLost = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private final CompletableFuture<Long> ended = new CompletableFuture<>();
    private volatile Connection connection;
    private volatile LiveStatus.State state = LiveStatus.State.CONNECTING;
    private volatile String reason;
    private volatile boolean keyframeWanted;
    private volatile boolean ending;
    private volatile boolean endRequested;
    private volatile boolean closed;
    private long bytesPerSecond;
    private long warnedDropped;

    /**
     * Opens the spool and starts publishing.
     *
     * @param server base URI of the server (http, https, ws or wss)
     * @param token  gives the bearer token for each connection
     */
    public LivePublisher(URI server, Supplier<String> token, long teamId, String sessionKey, FrameSchema schema,
            String sessionInfo, Config config, LiveListener listener) throws IOException {
        if (!LiveProtocol.validSessionKey(sessionKey)) {
            throw new IllegalArgumentException("bad session key: " + sessionKey);
        }
        String base = server.toString().replaceFirst("^http", "ws").replaceFirst("/+$", "");
        this.uri = URI.create(base + LiveProtocol.publishPath(teamId, sessionKey));
        this.token = token;
        this.schema = schema;
        this.sessionInfo = sessionInfo;
        this.listener = listener;
        this.backoff = config.backoff();
        this.tickRate = config.tickRate();
        this.encoder = new FrameEncoder(schema, config.keyframeInterval());
        this.spool = new FrameSpool(config.spoolDir(), config.spoolBytes(), schema.toBytes());
        this.writer = Thread.ofPlatform().daemon().name("pitbox-live-writer").start(this::writeLoop);
        this.sender = Thread.ofPlatform().daemon().name("pitbox-live-sender").start(this::sendLoop);
        events.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Queues a copy of one row (schema row length), one per tick at the config's tick rate; never blocks. Rows
     * beyond a full queue are dropped.
     */
    public void publish(byte[] row) {
        if (row.length != schema.rowLength()) {
            throw new IllegalArgumentException("row length " + row.length + " != " + schema.rowLength());
        }
        if (ending) {
            return;
        }
        if (rows.offer(row.clone())) {
            queued.incrementAndGet();
        } else {
            rowsLost.incrementAndGet();
        }
    }

    /** Sends a radio message to the team; false if not connected. */
    public boolean radio(String text) {
        Connection c = connection;
        try {
            return c != null && c.sendText(Json.text(LiveControl.radio(text)));
        } catch (IOException e) {
            return false;
        }
    }

    public LiveStatus status() {
        double seconds = (double) spool.frames() / tickRate;
        LiveStatus.State s = state;
        if (s == LiveStatus.State.LIVE && seconds >= SPOOLING_SECONDS) {
            s = LiveStatus.State.SPOOLING;
        }
        long b;
        synchronized (this) {
            b = bytesPerSecond;
        }
        return new LiveStatus(s, reason, seconds, b, spool.dropped() + rowsLost.get());
    }

    /**
     * Ends the session: waits until every queued row is sent, sends {@code end} and waits for {@code ended},
     * then closes. True if the server recorded everything; on false the spool stays on disk.
     */
    public boolean end(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ending = true;
        while (written.get() < queued.get() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        endRequested = true;
        boolean done;
        try {
            long seq = ended.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            done = seq >= spool.lastSeq() && written.get() == queued.get();
        } catch (ExecutionException | TimeoutException e) {
            done = false;
        }
        close();
        if (done) {
            try {
                spool.clear();
            } catch (IOException e) {
                return false;
            }
        }
        return done;
    }

    /** Stops without ending the session; the spool stays on disk for a later run. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop.countDown();
        Connection c = connection;
        if (c != null) {
            c.close();
        }
        http.shutdownNow();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            sender.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            spool.close();
        } catch (IOException e) {
            // nothing more to write
        }
        state(LiveStatus.State.OFFLINE, "closed");
        events.shutdown();
    }

    private void writeLoop() {
        while (!closed || !rows.isEmpty()) {
            byte[] row;
            try {
                row = rows.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (row == null) {
                continue;
            }
            if (keyframeWanted) {
                keyframeWanted = false;
                encoder.requestKeyframe();
            }
            try {
                byte[] frame = encoder.encode(row);
                if (!spool.append(frame, isKeyframe(frame))) {
                    encoder.requestKeyframe();
                    spool.append(encoder.encode(row), true);
                }
            } catch (IOException e) {
                reason = "cannot spool: " + e.getMessage();
                rowsLost.incrementAndGet();
                keyframeWanted = true;
            }
            written.incrementAndGet();
        }
    }

    private static boolean isKeyframe(byte[] frame) {
        return (frame[1] & 0x80) != 0;
    }

    private void sendLoop() {
        while (!closed && !ended.isDone()) {
            String failure;
            try {
                failure = session();
            } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
                failure = message(e);
            } catch (InterruptedException e) {
                break;
            } finally {
                Connection c = connection;
                connection = null;
                if (c != null) {
                    c.close();
                }
            }
            if (closed || ended.isDone()) {
                break;
            }
            state(LiveStatus.State.OFFLINE, failure);
            try {
                stop.await(backoff.nextMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** One connection: opens the session and sends the spool until the connection fails; returns why. */
    private String session() throws IOException, InterruptedException, ExecutionException, TimeoutException {
        state(LiveStatus.State.CONNECTING, reason);
        Connection c = new Connection();
        WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + token.get())
                .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)).buildAsync(uri, c)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        c.ws = ws;
        connection = c;
        c.sendText(Json.text(LiveControl.open(schema.toBytes(), sessionInfo, tickRate)));
        spool.opened(c.opened.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        backoff.reset();
        state(LiveStatus.State.LIVE, null);
        boolean endSent = false;
        long pinged = System.nanoTime();
        while (!closed && !c.lost.isDone()) {
            if (spool.needsResync()) {
                return "spool full while sending";
            }
            long now = System.nanoTime();
            if (now - c.heard > SILENCE_NANOS) {
                return "no answer from the server";
            }
            if (now - pinged > PING_NANOS) {
                pinged = now;
                c.sendPing();
            }
            FrameSpool.Frame f = spool.next(WINDOW, 100);
            if (f != null) {
                byte[] m = LiveProtocol.frame(f.seq(), f.data(), 0, f.data().length);
                if (!c.sendBinary(m)) {
                    break;
                }
                sentBytes.addAndGet(m.length);
            } else if (endRequested && !endSent && spool.allSent()) {
                endSent = c.sendText(Json.text(LiveControl.of(LiveControl.END)));
            }
        }
        return c.lost.getNow("closed");
    }

    private void received(byte[] message) throws IOException {
        switch (LiveProtocol.type(message)) {
            case LiveProtocol.ACK -> spool.ack(LiveProtocol.number(message));
            case LiveProtocol.KEYFRAME_REQUEST -> keyframeWanted = true;
            default -> {
            }
        }
    }

    private void received(Connection c, LiveControl m) throws IOException {
        switch (m.type() == null ? "" : m.type()) {
            case LiveControl.OPENED -> c.opened.complete(m.seq() == null ? 0 : m.seq());
            case LiveControl.ERROR -> {
                IOException e = new IOException("server: " + m.text());
                c.opened.completeExceptionally(e);
                c.lost.complete(e.getMessage()); // reconnecting resynchronises
            }
            case LiveControl.RADIO -> post(() -> listener.radio(m.name(), m.text()));
            case LiveControl.ENDED -> {
                long seq = m.seq() == null ? 0 : m.seq();
                spool.ack(seq);
                ended.complete(seq);
            }
            default -> {
            }
        }
    }

    private void state(LiveStatus.State s, String why) {
        state = s;
        reason = why;
        post(() -> listener.status(status()));
    }

    /** Runs a listener call on the events thread; a listener that throws is its own problem. */
    private void post(Runnable call) {
        try {
            events.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    // keep publishing
                }
            });
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /** Once a second: bytes per second, the status, and a warning when the spool dropped frames. */
    private void tick() {
        synchronized (this) {
            bytesPerSecond = sentBytes.getAndSet(0);
        }
        LiveStatus s = status();
        post(() -> listener.status(s));
        if (s.dropped() > warnedDropped) {
            warnedDropped = s.dropped();
            post(() -> listener.spoolFull(s.dropped()));
        }
    }

    /** A short text for a connection failure. */
    static String message(Throwable e) {
        while (e.getCause() != null && (e instanceof ExecutionException
                || e instanceof java.util.concurrent.CompletionException)) {
            e = e.getCause();
        }
        if (e instanceof WebSocketHandshakeException h) {
            return "refused: HTTP " + h.getResponse().statusCode();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** One WebSocket connection: reassembles messages, tells opened and when it is lost. */
    private final class Connection implements WebSocket.Listener {
        final CompletableFuture<Long> opened = new CompletableFuture<>();
        final CompletableFuture<String> lost = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        volatile WebSocket ws;
        /** When the server was last heard from (System.nanoTime). */
        volatile long heard = System.nanoTime();

        boolean sendBinary(byte[] message) {
            return send(() -> ws.sendBinary(ByteBuffer.wrap(message), true));
        }

        boolean sendText(String message) {
            return send(() -> ws.sendText(message, true));
        }

        boolean sendPing() {
            return send(() -> ws.sendPing(ByteBuffer.allocate(0)));
        }

        /** Sends one message and waits for it to go out; false if the connection failed. */
        private boolean send(Supplier<CompletableFuture<WebSocket>> op) {
            synchronized (sendLock) {
                try {
                    op.get().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    return true;
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    lost.complete("send failed: " + message(e));
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }

        void close() {
            opened.completeExceptionally(new IOException("closed"));
            lost.complete("closed");
            WebSocket w = ws;
            if (w != null) {
                w.abort();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            heard = System.nanoTime();
            text.append(data);
            if (last) {
                try {
                    received(this, Json.read(text.toString()));
                } catch (IOException e) {
                    lost.complete(message(e));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            heard = System.nanoTime();
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                try {
                    received(binary.toByteArray());
                } catch (IOException e) {
                    lost.complete(message(e));
                }
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            heard = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String why) {
            String text = "closed by the server: " + statusCode + (why.isEmpty() ? "" : " " + why);
            opened.completeExceptionally(new IOException(text));
            lost.complete(text);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            opened.completeExceptionally(error);
            lost.complete(message(error));
        }
    }

    /** JSON for control messages. */
    private static final class Json {
        static String text(LiveControl c) throws IOException {
            return ProtocolJson.mapper().writeValueAsString(c);
        }

        static LiveControl read(String text) throws IOException {
            return ProtocolJson.mapper().readValue(text, LiveControl.class);
        }
    }
}
