package org.pitbox.app.team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.client.AiClient;
import org.pitbox.client.CloudClient;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.client.live.FeedStreamer;
import org.pitbox.client.live.LeftSpools;
import org.pitbox.client.live.LinkSummary;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.LiveStatus;
import org.pitbox.core.home.PitboxHome;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.video.FrameSource;
import org.pitbox.video.H264Encoder;
import org.pitbox.video.VideoPipeline;
import org.pitbox.video.VideoSettings;

/**
 * The driver's link to the team server: sign-in (refresh token in the {@link SignInStore}), the chosen team,
 * and the live session streaming the active feed. Listeners hear of every change on the thread that made it;
 * network work runs off the caller's thread.
 */
@Component(service = TeamSession.class)
public class TeamSession {
    /** Hears the team session change. */
    @FunctionalInterface
    public interface Listener {
        /** Sign-in, team or streaming changed; {@code sentence} says how. */
        void changed(String sentence);

        /** A radio line from the team ({@code fromName} "Team" when the server names nobody). */
        default void radio(String fromName, String text) {
        }

        /** The streaming spool is full: the oldest {@code dropped} samples are gone, the newest kept. */
        default void spoolFull(long dropped) {
        }

        /** The server's coach sent a hint after a lap; {@code source} is "rule-based" or "AI". */
        default void coach(String text, String source) {
        }

        /** An engineer's pit stop for the driver to send ({@code fromName} "Team" when the server names nobody). */
        default void pitPlan(LiveControl.PitPlan plan, String fromName) {
        }
    }

    /** How long the server gets to confirm a live session an earlier run left in its spool. */
    private static final Duration LEFT_SPOOL_WAIT = Duration.ofMinutes(2);
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ActiveFeed activeFeed;
    private final SignInStore store;
    private final TeamSettings prefs;
    private final Runnable feedStopping = this::feedStopping;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile CloudClient client;
    private volatile String email;
    private volatile List<TeamView> teams = List.of();
    private volatile TeamView team;
    private volatile FeedStreamer streamer;
    private volatile VideoSender video;
    private volatile LinkSummary link = LinkSummary.NOT_STREAMING;
    private volatile String sessionKey;
    private volatile LiveControl.Coach lastHint;

    /** Ends a running live session when the JVM is stopped without closing the window (kill, logout). */
    private final Thread endOnExit = new Thread(this::stopStreaming, "pitbox-end-live-session");

    @Activate
    public TeamSession(@Reference(name = "activeFeed") ActiveFeed activeFeed,
            @Reference(name = "store") SignInStore store, @Reference(name = "settings") TeamSettings settings) {
        this.activeFeed = activeFeed;
        this.store = store;
        this.prefs = settings;
        activeFeed.whenStopping(feedStopping);
        Runtime.getRuntime().addShutdownHook(endOnExit);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** The streamed feed is about to close: stop taking samples now, end the session in the background. */
    private void feedStopping() {
        FeedStreamer s = streamer;
        if (s != null) {
            s.detach();
            CompletableFuture.runAsync(this::stopStreaming);
        }
    }

    public boolean signedIn() {
        return client != null;
    }

    public String email() {
        return email;
    }

    public String serverUrl() {
        CloudClient c = client;
        return c == null ? prefs.get(TeamSettings.SERVER_URL, TeamSettings.DEFAULT_SERVER_URL)
                : c.baseUri().toString();
    }

    public List<TeamView> teams() {
        return teams;
    }

    public TeamView team() {
        return team;
    }

    public LinkSummary link() {
        return link;
    }

    public boolean streaming() {
        return streamer != null;
    }

    public String sessionKey() {
        return sessionKey;
    }

    /** Signs in with a password; the refresh token is stored securely, the password nowhere. */
    public CompletableFuture<Void> signIn(String serverUrl, String mail, String password) {
        return CompletableFuture.runAsync(() -> {
            try {
                CloudClient c = newClient(serverUrl, mail);
                c.login(mail, password);
                connected(c, mail);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Signs in again from the stored refresh token, if there is one and nobody is signed in; quietly does
     * nothing otherwise (refresh tokens are single use: a second client would revoke the first one's).
     */
    public CompletableFuture<Boolean> restore() {
        return CompletableFuture.supplyAsync(() -> {
            if (signedIn()) {
                return true;
            }
            try {
                Optional<SignInStore.SignIn> stored = store.load();
                if (stored.isEmpty()) {
                    return false;
                }
                CloudClient c = newClient(stored.get().serverUrl(), stored.get().email());
                c.resume(stored.get().refreshToken());
                connected(c, stored.get().email());
                return true;
            } catch (IOException e) {
                post("Stored sign-in not accepted: " + e.getMessage() + ". Sign in again.");
                return false;
            }
        });
    }

    /** A client that keeps every new refresh token (sign-in, resume, refresh) in secure storage for {@code mail}. */
    private CloudClient newClient(String serverUrl, String mail) {
        CloudClient c = new CloudClient(URI.create(serverUrl.strip()));
        c.onTokens(pair -> saveToken(c, mail, pair.refreshToken()));
        return c;
    }

    private void saveToken(CloudClient c, String mail, String refreshToken) {
        try {
            store.save(new SignInStore.SignIn(c.baseUri().toString(), mail, refreshToken));
        } catch (IOException e) {
            post("Signed in, but the sign-in could not be remembered: " + e.getMessage());
        }
    }

    private void connected(CloudClient c, String mail) throws IOException {
        Set<String> left = leftSpools(); // before streaming can start: only these are an earlier run's
        email = mail;
        client = c;
        prefs.put(TeamSettings.SERVER_URL, c.baseUri().toString());
        teams = c.teams();
        long wanted = Long.parseLong(prefs.get(TeamSettings.TEAM_ID, "-1"));
        team = teams.stream().filter(t -> t.id() == wanted).findFirst().orElse(teams.isEmpty() ? null : teams.get(0));
        post("Signed in to " + c.baseUri() + " as " + mail);
        List<TeamView> mine = teams;
        CompletableFuture.runAsync(() -> resendLeftSpools(c, mine, left));
    }

    /** The session keys of the spools on disk. */
    private static Set<String> leftSpools() {
        try (Stream<Path> spools = Files.list(PitboxHome.resolve("spool")).flatMap(TeamSession::list)) {
            return spools.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            return Set.of();
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the live sessions an earlier run left in their spools (a crash, a kill); the server confirms them. */
    private void resendLeftSpools(CloudClient c, List<TeamView> of, Set<String> left) {
        for (TeamView t : of) {
            try {
                for (LeftSpools.Outcome o : LeftSpools.resend(PitboxHome.resolve("spool", Long.toString(t.id())),
                        c.baseUri(), c.userId(), c::accessToken, t.id(), key -> !left.contains(key), LEFT_SPOOL_WAIT)) {
                    post(o.sent() ? "Live session " + o.sessionKey() + ", left by an earlier run, sent to " + t.name()
                            : "Live session " + o.sessionKey() + ", left by an earlier run, stays on disk: "
                                    + o.reason());
                }
            } catch (IOException e) {
                post("Live sessions left by an earlier run not sent: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void chooseTeam(TeamView t) {
        team = t;
        prefs.put(TeamSettings.TEAM_ID, Long.toString(t.id()));
        post("Team: " + t.name());
    }

    public CompletableFuture<Void> signOut() {
        CloudClient c = client;
        return CompletableFuture.runAsync(() -> {
            stopStreaming();
            client = null;
            teams = List.of();
            team = null;
            try {
                store.clear();
                if (c != null) {
                    c.logout();
                }
            } catch (IOException e) {
                // signed out locally either way
            }
            post("Signed out");
        });
    }

    /** Starts a live session of the team streaming {@code feed}; spooled under {@code spool} in {@link PitboxHome}. */
    public synchronized void startStreaming(LiveFeed feed, Bandwidth bandwidth) throws IOException {
        CloudClient c = client;
        TeamView t = team;
        if (c == null || t == null) {
            throw new IOException("Sign in and choose a team first");
        }
        if (feed == null) {
            throw new IOException("Start a telemetry source first");
        }
        stopStreaming();
        String key = "live-" + LocalDateTime.now().format(KEY_TIME);
        Path spool = PitboxHome.resolve("spool", Long.toString(t.id()), key);
        LivePublisher.Config config = LivePublisher.Config.defaults(spool).withUser(c.userId());
        streamer = new FeedStreamer(feed, bandwidth, (schema, yaml, rate) -> new LivePublisher(c.baseUri(),
                c::accessToken, t.id(), key, schema, yaml, config.withTickRate(rate), listener()));
        sessionKey = key;
        if (!coachOn()) {
            streamer.coach(false);
        }
        prefs.put(TeamSettings.BANDWIDTH, bandwidth.key());
        post("Streaming " + bandwidth.label() + " to " + t.name() + " as session " + key);
    }

    private LiveListener listener() {
        return new LiveListener() {
            @Override
            public void status(LiveStatus status) {
                link = LinkSummary.of(status);
                VideoSender v = video;
                if (v != null) {
                    v.tick(System.nanoTime());
                }
                post(link.text());
            }

            @Override
            public void radio(String fromName, String text) {
                String from = fromName == null ? "Team" : fromName;
                listeners.forEach(l -> l.radio(from, text));
            }

            @Override
            public void coach(LiveControl hint) {
                String source = hint.coach() == null ? "rule-based" : hint.coach().source();
                lastHint = hint.coach();
                listeners.forEach(l -> l.coach(hint.text(), source));
            }

            @Override
            public void pitPlan(LiveControl plan) {
                String from = plan.name() == null ? "Team" : plan.name();
                if (plan.pitPlan() != null) {
                    listeners.forEach(l -> l.pitPlan(plan.pitPlan(), from));
                }
            }

            @Override
            public void spoolFull(long dropped) {
                listeners.forEach(l -> l.spoolFull(dropped));
            }

            @Override
            public void videoKeyWanted() {
                VideoSender v = video;
                if (v != null) {
                    v.keyWanted();
                }
            }
        };
    }

    /**
     * Sends the driver's view with the live session (streaming must be on): pictures from {@code source}, encoded
     * to {@code settings}; the link line says when the link is short and video steps down or pauses.
     */
    public synchronized void startVideo(VideoSettings settings, Supplier<FrameSource> source) throws IOException {
        FeedStreamer s = streamer;
        if (s == null) {
            throw new IOException("Start streaming to the team first: video goes with the live session");
        }
        stopVideo();
        FrameSource frames;
        try {
            frames = source.get();
        } catch (RuntimeException | LinkageError e) {
            throw new IOException("Cannot capture the screen: " + e.getMessage(), e);
        }
        VideoSender.Target target = new VideoSender.Target() {
            @Override
            public long sessionMicros(long nanoTime) {
                return s.sessionMicros(nanoTime);
            }

            @Override
            public LivePublisher.VideoResult publishVideo(long micros, boolean key, byte[] accessUnit) {
                return s.publishVideo(micros, key, accessUnit);
            }
        };
        try {
            video = new VideoSender(settings, target, sink -> new VideoPipeline(frames, new H264Encoder(settings), sink));
        } catch (RuntimeException | LinkageError e) {
            frames.close();
            throw new IOException("Cannot encode video: " + e.getMessage(), e);
        }
        post("Sending video, " + settings.describe());
    }

    /** Stops sending video; the live session goes on. */
    public synchronized void stopVideo() {
        VideoSender v = video;
        video = null;
        if (v != null) {
            v.close();
            post("Video off");
        }
    }

    /** The video in a sentence for the driver: off, what goes out, or why it stepped down. */
    public String videoStatus() {
        VideoSender v = video;
        return v == null ? "Video off" : v.status();
    }

    /** What the overlay's link line adds while the link holds video back, else null ({@link VideoSender#linkNote}). */
    public String videoLinkNote() {
        VideoSender v = video;
        return v == null ? null : v.linkNote();
    }

    /** The video going out, or null when off (its figures, for the tests and the video benchmark). */
    VideoSender videoSender() {
        return video;
    }

    /** Ends the live session (waits up to 10 s for the server to have everything). */
    public void stopStreaming() {
        stopVideo();
        FeedStreamer s;
        synchronized (this) {
            s = streamer;
            streamer = null;
        }
        if (s == null) {
            return;
        }
        try {
            boolean all = s.end(Duration.ofSeconds(10));
            post(all ? "Live session ended; the server recorded all of it"
                    : "Live session stopped; unsent data stays in the spool on disk");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link = LinkSummary.NOT_STREAMING;
        sessionKey = null;
        lastHint = null;
    }

    /** Whether the server's coach hints come to this driver (the driver's choice, kept in the settings). */
    public boolean coachOn() {
        return !"off".equals(prefs.get(TeamSettings.COACH, "on"));
    }

    /** Turns the server's coach hints on or off, for the live session now and the next ones. */
    public void coach(boolean on) {
        prefs.put(TeamSettings.COACH, on ? "on" : "off");
        FeedStreamer s = streamer;
        if (s != null) {
            s.coach(on);
        }
        post(on ? "Coach hints on" : "Coach hints off: the engineer still sees them");
    }

    /** Sends a radio line to the team; false when not streaming or not connected. */
    public boolean radio(String text) {
        FeedStreamer s = streamer;
        return s != null && s.radio(text);
    }

    /**
     * Sends the driver's radio as sound (16 kHz mono, cut to 10 s) with the words heard (null when none); false when
     * not streaming or not connected.
     */
    public boolean radioClip(short[] samples, String text) {
        FeedStreamer s = streamer;
        return s != null && s.radioClip(samples, text);
    }

    /**
     * Rates the last coach hint of this session ({@code useful}, {@code wrong}, {@code late} or {@code irrelevant})
     * in the background; the future says what was rated, or fails with why not.
     */
    public CompletableFuture<String> rateLastHint(String rating) {
        CloudClient c = client;
        TeamView t = team;
        LiveControl.Coach hint = lastHint;
        if (c == null || t == null || hint == null) {
            return CompletableFuture.failedFuture(new IOException(c == null ? "Not signed in" : "No coach hint yet"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                new AiClient(c).rate(t.id(), hint.insightId(), rating, null);
                return "Rated the lap " + hint.lap() + " hint " + rating;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public CloudClient client() {
        return client;
    }

    private void post(String sentence) {
        listeners.forEach(l -> l.changed(sentence));
    }

    /** The innermost cause's message, or its class when it has none. */
    public static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Ends the live session and forgets the sign-in held in memory; the remembered one stays stored. */
    @Deactivate
    public void dispose() {
        activeFeed.notWhenStopping(feedStopping);
        stopStreaming();
        client = null;
        try {
            Runtime.getRuntime().removeShutdownHook(endOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook ends nothing more
        }
    }
}
