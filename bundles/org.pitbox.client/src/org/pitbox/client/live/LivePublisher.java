package org.pitbox.client.live;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * a bounded {@link FrameSpool} on disk; on each connection of its {@link LiveLink} (which reconnects with
 * {@link Backoff}) the link's connecting thread opens the session and sends the spool in order, and its
 * delivery thread handles what the server answers. Frames leave the spool when the server acknowledges them, so after a
 * reconnect (or a restart on the same spool directory) the server gets every frame after its
 * {@code opened.seq}, unchanged.
 */
public final class LivePublisher implements AutoCloseable {
    /** Frames sent and not yet acknowledged before the sender waits (5 s at 60 Hz). */
    static final int WINDOW = 300;
    /** Rows waiting for the writer (10 s); beyond that publish drops rows. */
    static final int ROW_QUEUE = 600;
    /** Video bytes queued on the socket and not yet out beyond which pictures are dropped (telemetry goes first). */
    static final int VIDEO_IN_FLIGHT = 256 << 10;
    /** Spooled data from which the state is SPOOLING rather than LIVE. */
    static final double SPOOLING_SECONDS = 2;

    /**
     * @param spoolDir         this session's spool; a later run with the same directory carries on from it
     * @param spoolBytes       bound of the spool on disk
     * @param keyframeInterval a keyframe at least every this many frames
     * @param tickRate         rows per second the caller publishes, 1 to 60 (lower for a poor connection)
     * @param user             the signed-in user who publishes ({@link org.pitbox.client.CloudClient#userId}), kept
     *                         with the spool: only they send it again after a crash ({@link LeftSpools}); null: none
     */
    public record Config(Path spoolDir, long spoolBytes, int keyframeInterval, Backoff backoff, int tickRate,
            String user) {
        public Config {
            if (!LiveProtocol.validTickRate(tickRate)) {
                throw new IllegalArgumentException("tick rate " + tickRate + " not in 1..60");
            }
        }

        public static Config defaults(Path spoolDir) {
            return new Config(spoolDir, 256L << 20, FrameEncoder.DEFAULT_KEYFRAME_INTERVAL, Backoff.defaults(),
                    LiveProtocol.TICK_RATE, null);
        }

        public Config withSpoolBytes(long bytes) {
            return new Config(spoolDir, bytes, keyframeInterval, backoff, tickRate, user);
        }

        public Config withKeyframeInterval(int frames) {
            return new Config(spoolDir, spoolBytes, frames, backoff, tickRate, user);
        }

        public Config withBackoff(Backoff b) {
            return new Config(spoolDir, spoolBytes, keyframeInterval, b, tickRate, user);
        }

        public Config withTickRate(int hz) {
            return new Config(spoolDir, spoolBytes, keyframeInterval, backoff, hz, user);
        }

        public Config withUser(String signedIn) {
            return new Config(spoolDir, spoolBytes, keyframeInterval, backoff, tickRate, signedIn);
        }
    }

    /** The session's open on one connection; the server's {@code opened} completes seq. */
    private record Opening(LiveLink.Connection connection, CompletableFuture<Long> seq) {
    }

    private final FrameSchema schema;
    private final String sessionInfo;
    private final LiveListener listener;
    private final int tickRate;
    private final FrameEncoder encoder;
    private final FrameSpool spool;
    private final BlockingQueue<byte[]> rows = new ArrayBlockingQueue<>(ROW_QUEUE);
    private final ExecutorService events = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("pitbox-live-events").unstarted(r));
    private final Thread writer;
    private final LiveLink link;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rowsLost = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private final CompletableFuture<Long> ended = new CompletableFuture<>();
    private volatile Opening opening;
    /** The session is open on the current connection. */
    private volatile boolean open;
    private volatile String spoolError;
    private volatile boolean keyframeWanted;
    private volatile boolean coachOff;
    private volatile boolean ending;
    private volatile boolean endRequested;
    private volatile boolean closed;
    private volatile long bytesPerSecond;
    private long warnedDropped;
    /** Video: the last picture's number, its bytes not yet out, and whether a key picture must come next. */
    private long videoSeq;
    private final AtomicLong videoInFlight = new AtomicLong();
    private boolean videoNeedsKey = true;
    /** The session's clock: rows published and when the last one came (guarded by itself). */
    private final Object clock = new Object();
    private long lastRowNanos;
    private long rowsPublished;

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
        this.schema = schema;
        this.sessionInfo = sessionInfo;
        this.listener = listener;
        this.tickRate = config.tickRate();
        this.encoder = new FrameEncoder(schema, config.keyframeInterval());
        this.spool = new FrameSpool(config.spoolDir(), config.spoolBytes(), schema);
        LeftSpools.describe(config.spoolDir(), server, config.user(), tickRate, sessionInfo);
        this.writer = Thread.ofPlatform().daemon().name("pitbox-live-writer").start(this::writeLoop);
        this.link = new LiveLink(server, LiveProtocol.publishPath(teamId, sessionKey), token, config.backoff(),
                new LiveLink.Owner() {
                    @Override
                    public String connected(LiveLink.Connection c)
                            throws IOException, InterruptedException, ExecutionException, TimeoutException {
                        return session(c);
                    }

                    @Override
                    public void received(LiveLink.Connection from, String text, byte[] binary) throws IOException {
                        LivePublisher.this.received(from, text, binary);
                    }

                    @Override
                    public void stateChanged() {
                        post(() -> listener.status(status()));
                    }

                    @Override
                    public void second() {
                        tick();
                    }
                });
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
            synchronized (clock) {
                lastRowNanos = System.nanoTime();
                rowsPublished++;
            }
            queued.incrementAndGet();
        } else {
            rowsLost.incrementAndGet();
        }
    }

    /** Rows given to {@link #publish} that the writer has not encoded yet (at most {@value #ROW_QUEUE}). */
    public int rowsWaiting() {
        return rows.size();
    }

    /**
     * Where {@code nanoTime} (a {@link System#nanoTime()} reading, such as a picture's capture time) falls on the
     * session's clock, in microseconds: row n published is at {@code (n - 1) / rate} seconds, and a time after it at
     * most one row later; so it never goes back while time goes on, whatever the feed's pace.
     */
    public long sessionMicros(long nanoTime) {
        synchronized (clock) {
            if (rowsPublished == 0) {
                return 0;
            }
            long since = Math.clamp(nanoTime - lastRowNanos, 0, 1_000_000_000L / tickRate); // up to the next row
            return (rowsPublished - 1) * 1_000_000 / tickRate + since / 1000;
        }
    }

    /** What became of a picture given to {@link #publishVideo}. */
    public enum VideoResult {
        SENT,
        /** Dropped: a picture before it was dropped, and this one is no key picture. */
        WAITING_FOR_KEY,
        /** Dropped: the session is not open on a connection (connecting, or the link is down). */
        NOT_CONNECTED,
        /**
         * Dropped: the link is short: too much video is not yet out on the socket, or telemetry rows wait for the
         * server behind what is.
         */
        LINK_BUSY
    }

    /**
     * Sends a picture of the driver's view (an H.264 access unit, Annex B) at {@code micros} on the session's clock
     * ({@link #sessionMicros}). Video is never spooled and never holds telemetry up: while not connected, while
     * {@value #VIDEO_IN_FLIGHT} bytes of it are not yet out, or while more than a second of rows waits for the
     * server's acknowledgement (beyond its step of {@value LiveProtocol#ACK_EVERY}), the picture is dropped, and the
     * pictures after it until a key picture, which {@link LiveListener#videoKeyWanted} asks for.
     */
    public synchronized VideoResult publishVideo(long micros, boolean key, byte[] accessUnit) {
        videoSeq++;
        Opening o = opening;
        VideoResult dropped = videoNeedsKey && !key ? VideoResult.WAITING_FOR_KEY
                : !open || o == null ? VideoResult.NOT_CONNECTED
                : videoInFlight.get() > VIDEO_IN_FLIGHT || telemetryBehind() ? VideoResult.LINK_BUSY : null;
        if (dropped != null) {
            if (!videoNeedsKey || key) {
                videoNeedsKey = true;
                post(listener::videoKeyWanted);
            }
            return dropped;
        }
        videoNeedsKey = false;
        byte[] m = LiveProtocol.video(videoSeq, micros, key, accessUnit);
        videoInFlight.addAndGet(m.length);
        o.connection().queueBinary(m).whenComplete((done, failed) -> videoInFlight.addAndGet(-m.length));
        sentBytes.addAndGet(m.length);
        return VideoResult.SENT;
    }

    /**
     * More than a second of rows waits for the server beyond its acknowledgement step: video queued ahead of
     * telemetry, on the socket or in the system's buffers of a short link, must not hold rows back.
     */
    private boolean telemetryBehind() {
        return spool.frames() > LiveProtocol.ACK_EVERY + tickRate;
    }

    /** Sends a radio message to the team; false if not connected. */
    public boolean radio(String text) {
        try {
            return link.sendText(json(LiveControl.radio(text)));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends the driver's radio as sound to the team watching: 16 kHz mono samples, cut to 10 s, with the words heard
     * (null when none); false if not connected.
     */
    public boolean radioClip(short[] samples, String text) {
        try {
            return link.sendText(json(LiveControl.radioClip(samples, text, null, null)));
        } catch (IOException e) {
            return false;
        }
    }

    /** Turns the server's coach hints on or off for this session; kept for every later connection. */
    public void coach(boolean on) {
        coachOff = !on;
        if (!open) {
            return; // sent after the next open
        }
        try {
            link.sendText(json(LiveControl.of(on ? LiveControl.COACH_ON : LiveControl.COACH_OFF)));
        } catch (IOException e) {
            // sent again after the next open
        }
    }

    public LiveStatus status() {
        double seconds = (double) spool.frames() / tickRate;
        LiveStatus.State s = switch (link.state()) {
            case CONNECTING -> LiveStatus.State.CONNECTING;
            case CONNECTED -> !open ? LiveStatus.State.CONNECTING
                    : seconds >= SPOOLING_SECONDS ? LiveStatus.State.SPOOLING : LiveStatus.State.LIVE;
            case WAITING, CLOSED -> LiveStatus.State.OFFLINE;
        };
        String reason = link.reason() != null ? link.reason() : spoolError;
        return new LiveStatus(s, reason, seconds, bytesPerSecond, spool.dropped() + rowsLost.get());
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
        link.close();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(LiveLink.TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            spool.close();
        } catch (IOException e) {
            // nothing more to write
        }
        post(() -> listener.status(status()));
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
                if (!spool.append(frame, FrameEncoder.isKeyframe(frame, 0))) {
                    encoder.requestKeyframe();
                    spool.append(encoder.encode(row), true);
                }
                spoolError = null;
            } catch (IOException e) {
                spoolError = "cannot spool: " + e.getMessage();
                rowsLost.incrementAndGet();
                keyframeWanted = true;
            }
            written.incrementAndGet();
        }
    }

    /** One connection, on the link's connecting thread: opens the session, sends the spool; returns why it ended. */
    private String session(LiveLink.Connection c)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<Long> opened = new CompletableFuture<>();
        opening = new Opening(c, opened);
        c.lost.thenAccept(why -> opened.completeExceptionally(new IOException(why)));
        c.sendText(json(LiveControl.open(schema.toBytes(), sessionInfo, tickRate)));
        spool.opened(opened.get(LiveLink.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        open = true;
        if (coachOff) {
            c.sendText(json(LiveControl.of(LiveControl.COACH_OFF)));
        }
        post(() -> listener.status(status()));
        try {
            return send(c);
        } finally {
            open = false;
        }
    }

    /** Sends the spool, and {@code end} once asked to and all is sent; null once the session has ended. */
    private String send(LiveLink.Connection c) throws IOException, InterruptedException {
        boolean endSent = false;
        while (!ended.isDone()) {
            if (spool.needsResync()) {
                return "spool full while sending";
            }
            String why = c.check();
            if (why != null) {
                return why;
            }
            FrameSpool.Frame f = spool.next(WINDOW, 100);
            if (f != null) {
                byte[] m = LiveProtocol.frame(f.seq(), f.data(), 0, f.data().length);
                if (c.sendBinary(m)) {
                    sentBytes.addAndGet(m.length);
                }
            } else if (endRequested && !endSent && spool.allSent()) {
                endSent = c.sendText(json(LiveControl.of(LiveControl.END)));
            }
        }
        return null;
    }

    private void received(LiveLink.Connection c, String text, byte[] binary) throws IOException {
        if (binary != null) {
            switch (LiveProtocol.type(binary)) {
                case LiveProtocol.ACK -> spool.ack(LiveProtocol.number(binary));
                case LiveProtocol.KEYFRAME_REQUEST -> keyframeWanted = true;
                case LiveProtocol.VIDEO_KEY_REQUEST -> post(listener::videoKeyWanted);
                default -> {
                }
            }
            return;
        }
        LiveControl m = ProtocolJson.mapper().readValue(text, LiveControl.class);
        switch (m.type() == null ? "" : m.type()) {
            case LiveControl.OPENED -> {
                Opening o = opening;
                if (o != null && o.connection() == c) {
                    o.seq().complete(m.seq() == null ? 0 : m.seq());
                }
            }
            case LiveControl.ERROR -> c.fail("server: " + m.text()); // reconnecting resynchronises
            case LiveControl.RADIO -> post(() -> listener.radio(m.name(), m.text()));
            case LiveControl.COACH -> post(() -> listener.coach(m));
            case LiveControl.PIT_PLAN -> post(() -> listener.pitPlan(m));
            case LiveControl.ENDED -> {
                long seq = m.seq() == null ? 0 : m.seq();
                spool.ack(seq);
                ended.complete(seq);
            }
            default -> {
            }
        }
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

    /**
     * Once a second, on the link's delivery thread: bytes per second, the status, and a warning when the spool
     * dropped frames.
     */
    private void tick() {
        bytesPerSecond = sentBytes.getAndSet(0);
        LiveStatus s = status();
        post(() -> listener.status(s));
        if (s.dropped() > warnedDropped) {
            warnedDropped = s.dropped();
            post(() -> listener.spoolFull(s.dropped()));
        }
    }

    private static String json(LiveControl c) throws IOException {
        return ProtocolJson.mapper().writeValueAsString(c);
    }
}
