package org.pitbox.server.live;

import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.pitbox.protocol.codec.FrameSchema;

/** A relay node for tests: plain Jetty on a free port, the live relay, test tokens, a sink that keeps files. */
final class TestNode implements AutoCloseable {
    static final long TEAM = 1;
    static final long OTHER_TEAM = 2;
    static final String NATS = "nats://127.0.0.1:4222";
    static final String NEEDS_NATS = "needs NATS with JetStream at 127.0.0.1:4222";

    /** Token to team and member. */
    static final Map<String, Map.Entry<Long, LiveMember>> TOKENS = Map.of(
            "driver-token", Map.entry(TEAM, new LiveMember(1, "Dana Driver", LiveRole.DRIVER)),
            "engineer-token", Map.entry(TEAM, new LiveMember(2, "Eli Engineer", LiveRole.ENGINEER)),
            "owner-token", Map.entry(TEAM, new LiveMember(5, "Olga Owner", LiveRole.OWNER)),
            "viewer-token", Map.entry(TEAM, new LiveMember(3, "Vic Viewer", LiveRole.VIEWER)),
            "rival-token", Map.entry(OTHER_TEAM, new LiveMember(4, "Rita Rival", LiveRole.OWNER)));

    /** Lifetime of a test token, unless it ends with ~MILLIS. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /**
     * The test tokens, each optionally followed by ~MILLIS, its lifetime; load-N for a driver of team TEAM + N
     * (LiveLoad). Tests change a member's role in {@link #roles}, or take them out of the team in {@link #removed}.
     */
    final class Access implements LiveAccess {
        @Override
        public Optional<Grant> authorize(String token, long teamId) {
            int tilde = token.indexOf('~');
            Duration lifetime = tilde < 0 ? TOKEN_LIFETIME : Duration.ofMillis(Long.parseLong(token.substring(tilde + 1)));
            String name = tilde < 0 ? token : token.substring(0, tilde);
            Optional<LiveMember> member = name.startsWith("load-")
                    ? Optional.of(new LiveMember(teamId, "Load " + name, LiveRole.DRIVER))
                            .filter(m -> Long.parseLong(name.substring(5)) + TEAM == teamId)
                    : Optional.ofNullable(TOKENS.get(name)).filter(e -> e.getKey() == teamId)
                            .flatMap(e -> member(e.getValue().userId(), teamId));
            return member.map(m -> new Grant(m, lifetime));
        }

        @Override
        public Optional<LiveMember> member(long userId, long teamId) {
            return TOKENS.values().stream().filter(e -> e.getKey() == teamId && e.getValue().userId() == userId)
                    .map(Map.Entry::getValue).filter(m -> !removed.contains(userId)).findFirst()
                    .map(m -> new LiveMember(m.userId(), m.displayName(), roles.getOrDefault(userId, m.role())));
        }
    }

    final Map<Long, LiveRole> roles = new ConcurrentHashMap<>();
    final Set<Long> removed = ConcurrentHashMap.newKeySet();

    record Stored(long teamId, long userId, String key, FrameSchema schema, String yaml, Path file, Path video) {
    }

    final Server jetty;
    final LiveRelay relay;
    final BlockingQueue<Stored> stored = new LinkedBlockingQueue<>();

    TestNode(Path dataDir, String natsUrl, int queue, LiveMetrics metrics) throws Exception {
        this(dataDir, natsUrl, queue, metrics, Duration.ofSeconds(30));
    }

    TestNode(Path dataDir, String natsUrl, int queue, LiveMetrics metrics, Duration resumeGrace) throws Exception {
        this(nats(LiveConfig.defaults(dataDir).withSubscriberQueue(queue).withResumeGrace(resumeGrace), natsUrl),
                metrics);
    }

    private static LiveConfig nats(LiveConfig config, String natsUrl) {
        return natsUrl == null ? config : config.withNats(natsUrl);
    }

    TestNode(LiveConfig config, LiveMetrics metrics) throws Exception {
        jetty = new Server(0);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Response.writeError(request, response, callback, 404);
                return true;
            }
        });
        relay = LiveRelay.install(jetty, config, new Access(),
                (team, user, key, schema, yaml, file, video) -> stored.add(new Stored(team, user, key, schema, yaml, file,
                        video)),
                metrics, SessionWatch.NONE);
        jetty.start();
    }

    TestNode(Path dataDir) throws Exception {
        this(dataDir, null, 256, LiveMetrics.NONE);
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort() + path);
    }

    static boolean natsRunning() {
        return listening(4222);
    }

    /** Whether something accepts connections on {@code port} of 127.0.0.1. */
    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        relay.close();
    }
}
