package org.pitbox.server.live;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    private static final long MAX_MESSAGE = 16 << 20;

    private final LiveConfig config;
    private final LiveAccess access;
    private final RecordingSink sink;
    private final LiveMetrics metrics;
    private final Bus bus;
    private final Ledger ledger;
    private final String node = UUID.randomUUID().toString();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-timer").daemon().factory());
    private final ExecutorService recordings = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("live-recording").factory());
    private final Map<String, Origin> origins = new HashMap<>();
    private final Map<String, Fanout> fanouts = new HashMap<>();
    private final Map<Long, Presence> presences = new HashMap<>();

    private LiveRelay(LiveConfig config, LiveAccess access, RecordingSink sink, LiveMetrics metrics, Bus bus)
            throws IOException {
        this.config = config;
        this.access = access;
        this.sink = sink;
        this.metrics = metrics;
        this.bus = bus;
        if (bus instanceof NatsBus nats && nats.hasJetStream()) {
            ledger = new JetStreamLedger(this, nats.connection());
        } else {
            if (bus instanceof NatsBus) {
                LOG.log(System.Logger.Level.WARNING, "NATS has no JetStream: live sessions are recorded on the"
                        + " publisher's node and cannot move to another node");
            }
            ledger = (teamId, key, driver, schema, rate) -> new Recording.Claim(
                    new Spool(liveDir(), teamId, key, config.maxRecordingBytes(), metrics::recordingCut), 0, null);
        }
        scheduler.scheduleAtFixedRate(this::refreshPresence, Presence.REFRESH_MILLIS, Presence.REFRESH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Wraps the server's handler so WebSocket upgrades under {@code /api/v1/live/} reach the relay and
     * everything else the old handler. Connects to NATS when the config names it.
     */
    public static LiveRelay install(Server jetty, LiveConfig config, LiveAccess access, RecordingSink sink,
            LiveMetrics metrics) throws IOException {
        if (jetty.isStarted()) {
            throw new IllegalStateException("install the live relay before starting Jetty");
        }
        Bus bus = config.natsUrl() == null ? new LocalBus() : new NatsBus(config.natsUrl());
        LiveRelay relay;
        try {
            relay = new LiveRelay(config, access, sink, metrics, bus);
        } catch (IOException | RuntimeException e) {
            bus.close();
            throw e;
        }
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, container -> {
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.setMaxBinaryMessageSize(MAX_MESSAGE);
            container.setMaxTextMessageSize(MAX_MESSAGE);
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
        Optional<LiveMember> member = access.authorize(token, teamId);
        if (member.isEmpty() || mode == LiveSocket.Mode.PUBLISH && !member.get().role().canPublish()) {
            Response.writeError(request, response, callback, 403, "not allowed on this team's live channel");
            return null;
        }
        return new LiveSocket(this, mode, teamId, key, member.get());
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
            Presence p = new Presence(this, team);
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
            socket.fail("bad schema: " + e.getMessage());
            return null;
        }
        int rate = open.tickRate();
        if (!LiveProtocol.validTickRate(rate)) {
            socket.fail("bad rate: " + rate + " frames per second, expected 1 to " + LiveProtocol.TICK_RATE);
            return null;
        }
        String k = key(socket.teamId, socket.sessionKey);
        Origin o = origins.get(k);
        if (o != null) {
            if (o.resume(socket, schema, rate)) {
                return o;
            }
            if (o.driver.userId() != socket.member.userId()) {
                socket.fail("session " + socket.sessionKey + " is published by " + o.driver.displayName());
                return null;
            }
            o.end();
        }
        Recording.Claim claim;
        try {
            claim = ledger.claim(socket.teamId, socket.sessionKey, socket.member, schema, rate);
        } catch (IOException e) {
            socket.fail("cannot record: " + e.getMessage());
            return null;
        }
        if (claim.heldBy() != null) {
            socket.fail("session " + socket.sessionKey + " is published by " + claim.heldBy());
            return null;
        }
        fanout(socket.teamId, socket.sessionKey);
        o = new Origin(this, socket, schema, rate, open.sessionInfo() == null ? "" : open.sessionInfo(), claim);
        origins.put(k, o);
        return o;
    }

    synchronized void ended(Origin origin) {
        String k = key(origin.teamId, origin.key);
        origins.remove(k, origin);
        Fanout f = fanouts.get(k);
        if (f != null && f.isEmpty() && !origins.containsKey(k)) {
            fanouts.remove(k).stop();
        }
    }

    void radio(LiveSocket from, String text) {
        bus.publish(Bus.control(from.teamId, from.sessionKey),
                Json.bytes(LiveControl.radio(text, from.member.userId(), from.member.displayName())));
    }

    void store(Origin origin, Recording recording, String sessionInfo) {
        try {
            Path ibt = recording.finish(origin.schema, origin.rate, sessionInfo);
            sink.sessionEnded(origin.teamId, origin.driver.userId(), origin.key, origin.schema, sessionInfo, ibt);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "live session " + origin.key + " could not be stored", e);
        }
    }

    private Fanout fanout(long teamId, String sessionKey) {
        return fanouts.computeIfAbsent(key(teamId, sessionKey), k -> {
            Fanout f = new Fanout(this, teamId, sessionKey);
            f.start();
            return f;
        });
    }

    private void refreshPresence() {
        List<Presence> all;
        synchronized (this) {
            all = new ArrayList<>(presences.values());
        }
        all.forEach(Presence::refresh);
    }

    private static String key(long teamId, String sessionKey) {
        return teamId + "/" + sessionKey;
    }

    LiveConfig config() {
        return config;
    }

    /** True while the relay can reach its other nodes (always, in-process). */
    public boolean isReady() {
        return bus.isReady();
    }

    Bus bus() {
        return bus;
    }

    LiveMetrics metrics() {
        return metrics;
    }

    String node() {
        return node;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ExecutorService recordings() {
        return recordings;
    }

    Path liveDir() {
        return config.dataDir().resolve("live");
    }

    /** Ends every live session of this node, waits for their recordings and leaves the bus. */
    @Override
    public void close() {
        List<Origin> open;
        synchronized (this) {
            open = new ArrayList<>(origins.values());
        }
        open.forEach(Origin::end);
        scheduler.shutdownNow();
        recordings.shutdown();
        try {
            recordings.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bus.close();
    }
}
