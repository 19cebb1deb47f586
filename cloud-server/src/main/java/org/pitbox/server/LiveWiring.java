package org.pitbox.server;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.pitbox.server.auth.AuthUser;
import org.pitbox.server.auth.TokenService;
import org.pitbox.server.live.LiveAccess;
import org.pitbox.server.live.LiveConfig;
import org.pitbox.server.live.LiveMember;
import org.pitbox.server.live.LiveMetrics;
import org.pitbox.server.live.LiveRelay;
import org.pitbox.server.live.LiveRole;
import org.pitbox.server.live.RecordingSink;
import org.pitbox.server.metrics.Metrics;
import org.pitbox.server.sessions.LowPriority;
import org.pitbox.server.teams.TeamAccess;
import org.pitbox.server.teams.TeamDao;

/** Connects the live relay to accounts, team roles and their changes, session storage, metrics and health. */
final class LiveWiring {
    private LiveWiring() {
    }

    static LiveRelay install(PitboxServer server, ServerConfig config) throws IOException {
        PitboxApplication app = server.application();
        LiveConfig live = LiveConfig.defaults(config.dataDir()).withLimits(config.live());
        if (config.natsUrl() != null) {
            live = live.withNats(config.natsUrl());
        }
        LiveRelay relay;
        try {
            relay = LiveRelay.install(server.jetty(), live, access(app.tokens(), app.teamAccess()), sink(app),
                    metrics(app.metrics()), app.liveCoaches());
        } catch (IOException e) {
            // without the cause: the NATS client's messages name the URL, password and all
            throw new IOException(ServerConfig.redactUserInfo(e.getMessage()));
        }
        app.teams().addMembershipListener(relay::membershipChanged);
        app.healthChecks().put(config.natsUrl() == null ? "relay" : "nats", relay::isReady);
        return relay;
    }

    private static LiveAccess access(TokenService tokens, TeamAccess teams) {
        return new LiveAccess() {
            @Override
            public Optional<Grant> authorize(String token, long teamId) {
                Optional<AuthUser> user = tokens.verify(token);
                return user.flatMap(u -> member(u.id(), teamId).map(m -> new Grant(m, tokens.remaining(u))));
            }

            @Override
            public Optional<LiveMember> member(long userId, long teamId) {
                return teams.member(userId, teamId).map(LiveWiring::member);
            }
        };
    }

    private static LiveMember member(TeamDao.MemberRow row) {
        return new LiveMember(row.userId(), row.displayName(), LiveRole.valueOf(row.role().name()));
    }

    /**
     * An ended live session becomes a stored team session, with its AI insights and chat; a recording that cannot
     * be stored is kept for a person to look at. The relay calls this on its recording thread, which does nothing
     * else: its packing and SHA-256 run there below the relay, like the storage work's ({@link LowPriority}).
     */
    private static RecordingSink sink(PitboxApplication app) {
        return (teamId, userId, key, schema, yaml, file, video) -> {
            LowPriority.lowerThisThread();
            long id;
            try {
                id = app.sessions().storeRecorded(teamId, userId, file);
                Files.deleteIfExists(file);
                System.out.println("pitbox server: live session " + key + " of team " + teamId + " stored");
            } catch (IOException | RuntimeException e) {
                System.err.println("pitbox server: live session " + key + " of team " + teamId
                        + " could not be stored (" + e.getMessage() + "); its recording stays at " + file
                        + (video == null ? "" : " and its video at " + video));
                return;
            }
            if (video != null) {
                try {
                    app.sessions().storeVideo(id, video);
                } catch (IOException | RuntimeException e) {
                    System.err.println("pitbox server: the video of live session " + key + " of team " + teamId
                            + " could not be stored (" + e.getMessage() + "); it stays at " + video);
                }
            }
            try {
                app.ai().liveStored(teamId, key, id);
            } catch (RuntimeException e) {
                System.err.println("pitbox server: the AI insights of live session " + key + " of team " + teamId
                        + " stay under live:" + key + " (" + e.getMessage() + ")");
            }
        };
    }

    private static LiveMetrics metrics(Metrics registry) {
        Metrics.Counter relayed = registry.counter("pitbox_frames_relayed_total", "Frames received from drivers and relayed");
        Metrics.Counter dropped = registry.counter("pitbox_frames_dropped_total", "Frames slow subscribers did not get");
        Metrics.Counter slow = registry.counter("pitbox_live_slow_disconnects_total",
                "Live sockets disconnected for not reading what they were sent");
        Metrics.Counter cut = registry.counter("pitbox_live_recordings_cut_total",
                "Live recordings that reached max-live-recording-bytes");
        Metrics.Counter refused = registry.counter("pitbox_live_video_refused_total",
                "Video pictures not recorded, JetStream's video stream being full or nearly: stored videos miss them");
        AtomicLong sessions = new AtomicLong();
        AtomicLong subscribers = new AtomicLong();
        registry.gauge("pitbox_live_sessions", "Live sessions on this node", sessions::get);
        registry.gauge("pitbox_live_subscribers", "Live subscribers on this node", subscribers::get);
        return new LiveMetrics() {
            @Override
            public void frameRelayed() {
                relayed.inc();
            }

            @Override
            public void framesDropped(long count) {
                dropped.add(count);
            }

            @Override
            public void recordingCut() {
                cut.inc();
            }

            @Override
            public void videoRefused() {
                refused.inc();
            }

            @Override
            public void liveSessions(int delta) {
                sessions.addAndGet(delta);
            }

            @Override
            public void subscribers(int delta) {
                subscribers.addAndGet(delta);
            }

            @Override
            public void slowConsumer() {
                slow.inc();
            }
        };
    }
}
