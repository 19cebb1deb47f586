package org.pitbox.server.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * The live relay: WebSockets under {@link LiveProtocol#ROOT}, linked to the other nodes by a {@link Bus}.
 * Install it on the Jetty server before starting it; close it after stopping Jetty.
 */
public final class LiveRelay implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LiveRelay.class.getName());
    private static final Pattern PATH = Pattern.compile(
            Pattern.quote(LiveProtocol.ROOT) + "/teams/(\\d{1,18})(?:/sessions/([A-Za-z0-9_-]{1,64})/(publish|subscribe))?");

    private final LiveConfig config;
    private final LiveAccess access;
    private final RecordingSink sink;
    private final LiveMetrics metrics;
    private final SessionWatch.Factory watches;
    private final Bus bus;
    private final Ledger ledger;
    private final String node = UUID.randomUUID().toString();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("live-timer").daemon().factory());
    /** Decodes frames for the session watchers. */
    private final ExecutorService watchers = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("live-watch").daemon().factory());
    /** Turns ended sessions into .ibt files and stores them (its sink lowers the thread below the relay's). */
    private final ExecutorService recordings = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("live-recording").factory());
    /** Writes the spools, so that no relay thread waits on the disk. */
    private final ExecutorService spools = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("live-spool").daemon().factory());
    private final Spool.HandOff handOff = new Spool.HandOff(spools, Spool.HAND_OFF_BYTES);
    private final Map<String, Origin> origins = new HashMap<>();
    private final Map<String, Fanout> fanouts = new HashMap<>();
    private final Map<Long, Presence> presences = new HashMap<>();

    private LiveRelay(LiveConfig config, LiveAccess access, RecordingSink sink, LiveMetrics metrics,
            SessionWatch.Factory watches, Bus bus) throws IOException {
        this.config = config;
        this.access = access;
        this.sink = sink;
        this.metrics = metrics;
        this.watches = watches;
        this.bus = bus;
        timer.setRemoveOnCancelPolicy(true); // a closed socket's expiry does not wait in the queue
        Path liveDir = config.dataDir().resolve("live");
        if (bus instanceof NatsBus nats && nats.hasJetStream()) {
            ledger = new JetStreamLedger(nats.connection(), bus, node, timer, liveDir, config.orphanAfter(),
                    recordings, sink, metrics);
        } else {
            if (bus instanceof NatsBus) {
                LOG.log(System.Logger.Level.WARNING, "NATS has no JetStream: live sessions are recorded on the"
                        + " publisher's node and cannot move to another node");
            }
            ledger = (teamId, key, driver, schema, rate, info) -> new Recording.Claim(
                    new Spool(liveDir, teamId, key, config.limits().recordingBytes(), metrics::recordingCut, handOff), 0,
                    null);
        }
        timer.scheduleAtFixedRate(() -> teams().forEach(Presence::refresh), Presence.REFRESH_MILLIS,
                Presence.REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        long keepAlive = Math.max(1, config.limits().idleTimeout().toMillis() / 3); // pings every socket
        timer.scheduleAtFixedRate(() -> teams().forEach(p -> p.sockets().forEach(LiveSocket::keepAlive)), keepAlive,
                keepAlive, TimeUnit.MILLISECONDS);
    }

    /**
     * Wraps the server's handler so WebSocket upgrades under {@code /api/v1/live/} reach the relay and
     * everything else the old handler. Connects to NATS when the config names it. {@code watches} may watch each
     * session published to this node ({@link SessionWatch#NONE}: none).
     */
    public static LiveRelay install(Server jetty, LiveConfig config, LiveAccess access, RecordingSink sink,
            LiveMetrics metrics, SessionWatch.Factory watches) throws IOException {
        if (jetty.isStarted()) {
            throw new IllegalStateException("install the live relay before starting Jetty");
        }
        Bus bus = config.natsUrl() == null ? new LocalBus() : new NatsBus(config.natsUrl());
        LiveRelay relay;
        try {
            relay = new LiveRelay(config, access, sink, metrics, watches, bus);
        } catch (IOException | RuntimeException e) {
            bus.close();
            throw e;
        }
        LiveLimits limits = config.limits();
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, container -> {
            container.setIdleTimeout(limits.idleTimeout().multipliedBy(2)); // the relay's pings decide first
            container.setMaxBinaryMessageSize(Math.max(limits.frameBytes(), LiveSocket.MAX_VIDEO_BYTES)); // each
            // socket lowers these to its mode's
            container.setMaxTextMessageSize(limits.openBytes());
            container.addMapping(LiveProtocol.ROOT + "/*", relay::upgrade);
        });
        ws.setHandler(jetty.getHandler());
        jetty.setHandler(ws);
        return relay;
    }

    /** Checks the path and the token; answers 404, 401 or 403 instead of upgrading when they fail. */
    private Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        Matcher m = PATH.matcher(Request.getPathInContext(request));
        if (!m.matches()) {
            Response.writeError(request, response, callback, 404, "no such live channel");
            return null;
        }
        long teamId = Long.parseLong(m.group(1));
        String key = m.group(2);
        LiveSocket.Mode mode = key == null ? LiveSocket.Mode.TEAM
                : m.group(3).equals("publish") ? LiveSocket.Mode.PUBLISH : LiveSocket.Mode.SUBSCRIBE;
        String token = token(request);
        if (token == null) {
            Response.writeError(request, response, callback, 401, "missing bearer token");
            return null;
        }
        Optional<LiveAccess.Grant> grant = access.authorize(token, teamId);
        if (grant.isEmpty() || mode == LiveSocket.Mode.PUBLISH && !grant.get().member().role().canPublish()) {
            Response.writeError(request, response, callback, 403, "not allowed on this team's live channel");
            return null;
        }
        return new LiveSocket(this, config.limits(), config.subscriberQueue(), timer, mode, teamId, key, grant.get());
    }

    private static String token(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return Request.extractQueryParameters(request).getValue("access_token");
    }

    synchronized void joined(LiveSocket socket) {
        presences.computeIfAbsent(socket.teamId, team -> {
            Presence p = new Presence(bus, node, team, this::recheck);
            p.start();
            return p;
        }).join(socket);
        if (socket.mode == LiveSocket.Mode.SUBSCRIBE) {
            metrics.subscribers(1);
            fanout(socket.teamId, socket.sessionKey).join(socket);
        }
    }

    synchronized void left(LiveSocket socket, Origin origin) {
        if (origin != null) {
            origin.detached(socket);
        }
        Presence p = presences.get(socket.teamId);
        if (p != null && p.leave(socket)) {
            presences.remove(socket.teamId);
        }
        if (socket.mode == LiveSocket.Mode.SUBSCRIBE) {
            metrics.subscribers(-1);
            String k = key(socket.teamId, socket.sessionKey);
            Fanout f = fanouts.get(k);
            if (f != null && f.leave(socket) && !origins.containsKey(k)) {
                fanouts.remove(k).stop();
            }
        }
    }

    /** Starts or resumes the publisher's session; null (and the socket failed) if it may not. */
    synchronized Origin open(LiveSocket socket, LiveControl open) {
        FrameSchema schema;
        try {
            byte[] bytes = open.schemaBytes();
            if (bytes == null) {
                throw new CodecException("missing");
            }
            schema = FrameSchema.fromBytes(bytes);
        } catch (CodecException | IllegalArgumentException e) {
            socket.fail("bad schema: it is missing or cannot be decoded");
            return null;
        }
        int rate = open.tickRate();
        if (!LiveProtocol.validTickRate(rate)) {
            socket.fail("bad rate: " + rate + " frames per second, expected 1 to " + LiveProtocol.TICK_RATE);
            return null;
        }
        LiveMember driver = socket.member();
        String k = key(socket.teamId, socket.sessionKey);
        Origin o = origins.get(k);
        if (o != null) {
            if (o.resume(socket, schema, rate)) {
                return o;
            }
            if (o.driver.userId() != driver.userId()) {
                socket.fail("session " + socket.sessionKey + " is published by " + o.driver.displayName());
                return null;
            }
            o.end();
        }
        String info = open.sessionInfo() == null ? "" : open.sessionInfo();
        Recording.Claim claim;
        try {
            claim = ledger.claim(socket.teamId, socket.sessionKey, driver, schema, rate, info);
        } catch (IOException e) {
            socket.fail("cannot record: " + e.getMessage());
            return null;
        }
        if (claim.heldBy() != null) {
            socket.fail("session " + socket.sessionKey + " is published by " + claim.heldBy());
            return null;
        }
        fanout(socket.teamId, socket.sessionKey);
        VideoRecording video = claim.recording() instanceof StreamRecording stream ? stream.video()
                : Spool.video(config.dataDir().resolve("live"), socket.teamId, socket.sessionKey, metrics::recordingCut,
                        handOff);
        o = new Origin(bus, metrics, timer, config.resumeGrace(), this::stopped, socket, schema, rate, info, claim,
                video, watch(socket, schema, rate, info));
        origins.put(k, o);
        metrics.liveSessions(1);
        return o;
    }

    /** The session's watcher, or null when the factory watches it not. */
    private Watcher watch(LiveSocket socket, FrameSchema schema, int rate, String sessionInfo) {
        long teamId = socket.teamId;
        String key = socket.sessionKey;
        ChannelLayout layout = Recorder.layout(schema);
        SessionWatch w = watches.open(new SessionWatch.Session(teamId, key, socket.member().userId(), layout, rate,
                sessionInfo), c -> bus.publish(Bus.control(teamId, key), Json.bytes(c)));
        return w == null ? null : new Watcher(w, watchers, schema, new Frame(layout));
    }

    /** The session stopped on this node: forget it, and store it if it ended here. */
    private void stopped(Origin origin, boolean ended) {
        synchronized (this) {
            String k = key(origin.teamId, origin.key);
            origins.remove(k, origin);
            Fanout f = fanouts.get(k);
            if (f != null && f.isEmpty() && !origins.containsKey(k)) {
                fanouts.remove(k).stop();
            }
        }
        metrics.liveSessions(-1);
        if (ended) {
            recordings.execute(() -> store(origin));
        }
    }

    private void store(Origin origin) {
        try {
            Path ibt = origin.finish();
            if (ibt == null) { // another node found it orphaned and stores it, with its video
                origin.abandonVideo();
                return;
            }
            Path video = null;
            try {
                video = origin.finishVideo();
            } catch (IOException | RuntimeException e) { // the telemetry is stored all the same
                LOG.log(System.Logger.Level.ERROR, "the video of live session " + origin.key + " could not be stored",
                        e);
            }
            sink.sessionEnded(origin.teamId, origin.driver.userId(), origin.key, origin.schema, origin.sessionInfo,
                    ibt, video);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "live session " + origin.key + " could not be stored", e);
        }
    }

    void radio(LiveSocket from, String text) {
        LiveMember m = from.member();
        bus.publish(Bus.control(from.teamId, from.sessionKey),
                Json.bytes(LiveControl.radio(text, m.userId(), m.displayName())));
    }

    /** The driver's radio as sound, to the session's subscribers (on every node). */
    void radioClip(LiveSocket from, short[] samples, String text) {
        LiveMember m = from.member();
        bus.publish(Bus.control(from.teamId, from.sessionKey),
                Json.bytes(LiveControl.radioClip(samples, text, m.userId(), m.displayName())));
    }

    /** An engineer's pit plan, to the session's driver only (on whichever node publishes it). */
    void pitPlan(LiveSocket from, LiveControl.PitPlan plan) {
        LiveMember m = from.member();
        bus.publish(Bus.control(from.teamId, from.sessionKey),
                Json.bytes(LiveControl.pitPlan(from.sessionKey, plan, m.userId(), m.displayName())));
    }

    /** A {@code token} message: a fresh token of the same user keeps the socket open until it expires. */
    void refresh(LiveSocket socket, String token) {
        Optional<LiveAccess.Grant> grant = token == null ? Optional.empty() : access.authorize(token, socket.teamId);
        if (grant.isEmpty() || grant.get().member().userId() != socket.member().userId()) {
            socket.send(LiveControl.error("the token is invalid, expired or not of this member of the team"));
            return;
        }
        socket.expireAfter(grant.get().lifetime());
        apply(socket, grant.get().member());
    }

    /** The thread that writes this node's spools (tests hold it to stand for a disk that cannot keep up). */
    Executor spoolWriter() {
        return spools;
    }

    /**
     * Tells every node that the user's membership of the team changed (they left, were removed or got another
     * role): their sockets of the team close, or follow the new role, at once.
     */
    public void membershipChanged(long teamId, long userId) {
        bus.publish(Bus.members(teamId), Json.bytes(new Presence.Changed(userId)));
    }

    /** Looks the socket's member up again, off the bus thread. */
    private void recheck(LiveSocket socket) {
        timer.execute(() -> {
            LiveMember m = socket.member();
            try {
                access.member(m.userId(), socket.teamId).ifPresentOrElse(now -> apply(socket, now),
                        () -> revoke(socket, "you are no longer a member of this team"));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot check the membership of user " + m.userId(), e);
            }
        });
    }

    private void apply(LiveSocket socket, LiveMember now) {
        if (now.equals(socket.member())) {
            return;
        }
        if (!socket.changeRole(now)) {
            revoke(socket, "your role in the team no longer allows publishing");
            return;
        }
        Presence p;
        synchronized (this) {
            p = presences.get(socket.teamId);
        }
        if (p != null) {
            p.join(socket);
        }
    }

    /** Closes a socket that lost its right to be open; a publisher's session ends at once. */
    private void revoke(LiveSocket socket, String why) {
        Origin o = socket.origin();
        if (o != null) {
            o.end(socket);
        }
        socket.fail(why);
    }

    void slowConsumer() {
        metrics.slowConsumer();
    }

    private Fanout fanout(long teamId, String sessionKey) {
        return fanouts.computeIfAbsent(key(teamId, sessionKey), k -> {
            Fanout f = new Fanout(bus, metrics, config.limits().catchUpBytes(), teamId, sessionKey);
            f.start();
            return f;
        });
    }

    /** Each team with connections on this node. */
    private synchronized List<Presence> teams() {
        return new ArrayList<>(presences.values());
    }

    private static String key(long teamId, String sessionKey) {
        return teamId + "/" + sessionKey;
    }

    /** True while the relay can reach its other nodes (always, in-process). */
    public boolean isReady() {
        return bus.isReady();
    }

    /** Live sessions published to this node. */
    synchronized int liveSessions() {
        return origins.size();
    }

    /** Bytes of frames kept on this node for late joiners, over all sessions. */
    synchronized long catchUpBytes() {
        return fanouts.values().stream().mapToLong(Fanout::catchUpBytes).sum();
    }

    /** Where sessions are recorded, for tests. */
    Ledger ledger() {
        return ledger;
    }

    /** Ends every live session of this node, waits for their recordings and leaves the bus. */
    @Override
    public void close() {
        List<Origin> open;
        synchronized (this) {
            open = new ArrayList<>(origins.values());
        }
        open.forEach(Origin::end);
        timer.shutdownNow();
        watchers.shutdown();
        recordings.shutdown();
        try {
            recordings.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spools.shutdown();
        bus.close();
    }
}
