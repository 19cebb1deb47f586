package org.pitbox.ui.services;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.pitbox.client.CloudClient;
import org.pitbox.client.live.Backoff;
import org.pitbox.client.live.LiveSession;
import org.pitbox.client.live.LiveSubscriber;
import org.pitbox.client.live.SubscriberListener;
import org.pitbox.client.live.SubscriberStatus;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.live.LiveControl;

/**
 * The Race Engineer perspective's link to the team's live sessions: presence (who is on track) and the one
 * session being watched, whose every row goes to the {@link LiveBoard}. Changes are posted on
 * {@link Status#TOPIC_ENGINEER}.
 */
@Creatable
@Singleton
public class EngineerLive {
    private final IEventBroker events;
    private final LiveBoard board;
    private LiveSubscriber teamChannel;
    private LiveSubscriber watching;
    private long teamId = -1;
    private volatile String watchedKey;
    private volatile SubscriberStatus status;
    private volatile List<LiveControl.Session> sessions = List.of();
    private volatile List<LiveControl.Member> members = List.of();

    @Inject
    public EngineerLive(IEventBroker events, LiveBoard board) {
        this.events = events;
        this.board = board;
    }

    /** Follows the team's presence; does nothing if already following this team. */
    public synchronized void follow(CloudClient client, TeamView team) {
        if (team == null || client == null) {
            return;
        }
        if (teamChannel != null && teamId == team.id()) {
            return;
        }
        closeAll();
        teamId = team.id();
        teamChannel = LiveSubscriber.team(client.baseUri(), client::accessToken, team.id(), Backoff.defaults(),
                new SubscriberListener() {
                    @Override
                    public void presence(List<LiveControl.Member> m, List<LiveControl.Session> s) {
                        members = List.copyOf(m);
                        sessions = List.copyOf(s);
                        post("presence");
                    }
                });
    }

    /** Watches one live session of the team (following its presence too). */
    public synchronized void watch(CloudClient client, TeamView team, String sessionKey) {
        if (client == null || team == null) {
            return;
        }
        follow(client, team);
        stopWatching();
        watchedKey = sessionKey;
        watching = LiveSubscriber.session(client.baseUri(), client::accessToken, team.id(), sessionKey,
                Backoff.defaults(), new SubscriberListener() {
                    @Override
                    public void session(LiveSession session) {
                        board.session(session);
                        post("session");
                    }

                    @Override
                    public void row(long seq, byte[] row) {
                        board.row(seq, row);
                    }

                    @Override
                    public void status(SubscriberStatus s) {
                        status = s;
                        post("status");
                    }

                    @Override
                    public void radio(long fromUserId, String fromName, String text) {
                        events.post(Status.TOPIC_ENGINEER_RADIO, fromName + ": " + text);
                    }

                    @Override
                    public void ended(long lastSeq, long dropped) {
                        post("ended");
                    }

                    @Override
                    public void error(String text) {
                        events.post(Status.TOPIC_MESSAGE, "Team live: " + text);
                    }
                });
        post("watch");
    }

    /** Stops watching the session (the team's presence is still followed). */
    public synchronized void stopWatching() {
        if (watching != null) {
            watching.close();
            watching = null;
        }
        watchedKey = null;
        status = null;
        board.clear();
        post("stopped");
    }

    public String watchedKey() {
        return watchedKey;
    }

    /** The watched session's connection, or null. */
    public SubscriberStatus status() {
        return status;
    }

    public List<LiveControl.Session> sessions() {
        return sessions;
    }

    public List<LiveControl.Member> members() {
        return members;
    }

    /** Radio to the watched session's driver; false when not connected. */
    public synchronized boolean radio(String text) {
        return watching != null && watching.radio(text);
    }

    private void post(String what) {
        try {
            events.post(Status.TOPIC_ENGINEER, what);
        } catch (RuntimeException e) {
            // the workbench is shutting down: nobody is left to tell
        }
    }

    /** Stops watching and following the team (signed out). */
    @PreDestroy
    public synchronized void closeAll() {
        if (watching != null || watchedKey != null) {
            stopWatching();
        }
        if (teamChannel != null) {
            teamChannel.close();
            teamChannel = null;
        }
        teamId = -1;
        sessions = List.of();
        members = List.of();
    }

    /** Whether a session is being watched. */
    public synchronized boolean watching() {
        return watching != null;
    }
}
