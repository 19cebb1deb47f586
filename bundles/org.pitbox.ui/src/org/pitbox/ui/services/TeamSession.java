package org.pitbox.ui.services;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.pitbox.client.CloudClient;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.client.live.FeedStreamer;
import org.pitbox.client.live.LinkSummary;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.LiveStatus;
import org.pitbox.core.home.PitboxHome;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.live.LiveControl;

/**
 * The driver's link to the team server: sign-in (refresh token in {@link SecureCredentials}), the chosen team,
 * and the live session streaming the active feed. Every change is posted on {@link Status#TOPIC_TEAM}; radio
 * messages on {@link Status#TOPIC_RADIO}. Network work runs off the UI thread.
 */
@Creatable
@Singleton
public class TeamSession {
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final IEventBroker events;
    private final UiPreferences prefs = new UiPreferences();
    private volatile CloudClient client;
    private volatile String email;
    private volatile List<TeamView> teams = List.of();
    private volatile TeamView team;
    private volatile FeedStreamer streamer;
    private volatile LinkSummary link = LinkSummary.NOT_STREAMING;
    private volatile String sessionKey;

    /** Ends a running live session when the JVM is stopped without closing the window (kill, logout). */
    private final Thread endOnExit = new Thread(this::stopStreaming, "pitbox-end-live-session");

    @Inject
    public TeamSession(IEventBroker events, ActiveFeed activeFeed) {
        this.events = events;
        activeFeed.whenStopping(this::feedStopping);
        Runtime.getRuntime().addShutdownHook(endOnExit);
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
        return c == null ? prefs.serverUrl() : c.baseUri().toString();
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
                throw new java.io.UncheckedIOException(e);
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
                Optional<SecureCredentials.SignIn> stored = new SecureCredentials().load();
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
            new SecureCredentials().save(new SecureCredentials.SignIn(c.baseUri().toString(), mail, refreshToken));
        } catch (IOException e) {
            post("Signed in, but the sign-in could not be remembered: " + e.getMessage());
        }
    }

    private void connected(CloudClient c, String mail) throws IOException {
        email = mail;
        client = c;
        prefs.put(UiPreferences.SERVER_URL, c.baseUri().toString());
        teams = c.teams();
        long wanted = Long.parseLong(prefs.get(UiPreferences.TEAM_ID, "-1"));
        team = teams.stream().filter(t -> t.id() == wanted).findFirst().orElse(teams.isEmpty() ? null : teams.get(0));
        post("Signed in to " + c.baseUri() + " as " + mail);
    }

    public void chooseTeam(TeamView t) {
        team = t;
        prefs.put(UiPreferences.TEAM_ID, Long.toString(t.id()));
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
                new SecureCredentials().clear();
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
        LivePublisher.Config config = LivePublisher.Config.defaults(spool);
        streamer = new FeedStreamer(feed, bandwidth, (schema, yaml, rate) -> new LivePublisher(c.baseUri(),
                c::accessToken, t.id(), key, schema, yaml, config.withTickRate(rate), listener()));
        sessionKey = key;
        prefs.put(UiPreferences.BANDWIDTH, bandwidth.key());
        post("Streaming " + bandwidth.label() + " to " + t.name() + " as session " + key);
    }

    private LiveListener listener() {
        return new LiveListener() {
            @Override
            public void status(LiveStatus status) {
                link = LinkSummary.of(status);
                events.post(Status.TOPIC_TEAM, link.text());
            }

            @Override
            public void radio(String fromName, String text) {
                events.post(Status.TOPIC_RADIO, (fromName == null ? "Team" : fromName) + ": " + text);
            }

            @Override
            public void coach(LiveControl hint) {
                events.post(Status.TOPIC_COACH, hint);
            }

            @Override
            public void spoolFull(long dropped) {
                events.post(Status.TOPIC_MESSAGE, "The streaming spool is full: the oldest " + dropped
                        + " samples were dropped, the newest are kept");
            }
        };
    }

    /** Ends the live session (waits up to 10 s for the server to have everything). */
    public void stopStreaming() {
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
    }

    /** Sends a radio line to the team; false when not streaming or not connected. */
    public boolean radio(String text) {
        FeedStreamer s = streamer;
        return s != null && s.radio(text);
    }

    public CloudClient client() {
        return client;
    }

    private void post(String sentence) {
        try {
            events.post(Status.TOPIC_TEAM, sentence);
        } catch (RuntimeException e) {
            // the workbench is shutting down: nobody is left to tell
        }
    }

    @PreDestroy
    public void dispose() {
        stopStreaming();
        try {
            Runtime.getRuntime().removeShutdownHook(endOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook ends nothing more
        }
    }
}
