package org.pitbox.server.live;

import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
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

    /** The test tokens, plus load-N for a driver of team TEAM + N (LiveLoad). */
    static final LiveAccess ACCESS = (token, teamId) -> token.startsWith("load-")
            ? Optional.of(new LiveMember(teamId, "Load " + token, LiveRole.DRIVER))
                    .filter(m -> Long.parseLong(token.substring(5)) + TEAM == teamId)
            : Optional.ofNullable(TOKENS.get(token)).filter(e -> e.getKey() == teamId).map(Map.Entry::getValue);

    record Stored(long teamId, long userId, String key, FrameSchema schema, String yaml, Path file) {
    }

    final Server jetty;
    final LiveRelay relay;
    final BlockingQueue<Stored> stored = new LinkedBlockingQueue<>();

    TestNode(Path dataDir, String natsUrl, int queue, LiveMetrics metrics) throws Exception {
        this(dataDir, natsUrl, queue, metrics, Duration.ofSeconds(30));
    }

    TestNode(Path dataDir, String natsUrl, int queue, LiveMetrics metrics, Duration resumeGrace) throws Exception {
        jetty = new Server(0);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Response.writeError(request, response, callback, 404);
                return true;
            }
        });
        LiveConfig config = LiveConfig.defaults(dataDir).withSubscriberQueue(queue)
                .withResumeGrace(resumeGrace);
        relay = LiveRelay.install(jetty, natsUrl == null ? config : config.withNats(natsUrl), ACCESS,
                (team, user, key, schema, yaml, file) -> stored.add(new Stored(team, user, key, schema, yaml, file)),
                metrics);
        jetty.start();
    }

    TestNode(Path dataDir) throws Exception {
        this(dataDir, null, 256, LiveMetrics.NONE);
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort() + path);
    }

    static boolean natsRunning() {
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", 4222), 500);
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
