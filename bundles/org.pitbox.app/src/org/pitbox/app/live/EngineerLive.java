package org.pitbox.app.live;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.pitbox.client.CloudClient;
import org.pitbox.client.live.Backoff;
import org.pitbox.client.live.LiveSession;
import org.pitbox.client.live.LiveSubscriber;
import org.pitbox.client.live.SubscriberListener;
import org.pitbox.client.live.SubscriberStatus;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.video.VideoPicture;
import org.pitbox.voice.speak.AudioSink;
import org.pitbox.voice.speak.JavaSoundSink;

/**
 * The Race Engineer perspective's link to the team's live sessions: presence (who is on track) and the one
 * session being watched, whose every row goes to the {@link LiveBoard}. Listeners hear of every change on the
 * thread that made it (often a subscriber's).
 */
@Component(service = EngineerLive.class)
public class EngineerLive {
    /** What changed: who is on track, the watched session, its connection. */
    public enum Change { PRESENCE, SESSION, STATUS, ENDED, WATCH, STOPPED }

    /** Hears the engineer's live view change. */
    @FunctionalInterface
    public interface Listener {
        void changed(Change change);

        /** A radio line from the watched session's driver. */
        default void radio(String fromName, String text) {
        }

        /** The watched session's driver's radio as sound, to play with {@link EngineerLive#play}. */
        default void radioClip(RadioClip clip) {
        }

        /** A problem with the watched session, in a sentence. */
        default void error(String text) {
        }

        /** A coach hint the server sent the watched session's driver: {@code text} and {@code coach}. */
        default void coach(LiveControl hint) {
        }

        /** A decoded picture of the watched driver's view, on the decoder's thread; its time is the session's. */
        default void video(VideoPicture picture) {
        }
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final LiveBoard board;
    private final ClipPlayer player;
    private LiveSubscriber teamChannel;
    private LiveSubscriber watching;
    private LiveVideo video;
    private long teamId = -1;
    private volatile String watchedKey;
    private volatile SubscriberStatus status;
    private volatile List<LiveControl.Session> sessions = List.of();
    private volatile List<LiveControl.Member> members = List.of();

    @Activate
    public EngineerLive(@Reference(name = "board") LiveBoard board) {
        this(board, new JavaSoundSink());
    }

    /** With another sound output (the tests' sink). */
    public EngineerLive(LiveBoard board, AudioSink sink) {
        this.board = board;
        this.player = new ClipPlayer(sink);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
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
                        tell(Change.PRESENCE);
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
        LiveVideo pictures = new LiveVideo(p -> listeners.forEach(l -> l.video(p)));
        video = pictures;
        watching = LiveSubscriber.session(client.baseUri(), client::accessToken, team.id(), sessionKey,
                Backoff.defaults(), new SubscriberListener() {
                    @Override
                    public void session(LiveSession session) {
                        board.session(session);
                        tell(Change.SESSION);
                    }

                    @Override
                    public void row(long seq, byte[] row) {
                        board.row(seq, row);
                    }

                    @Override
                    public void status(SubscriberStatus s) {
                        status = s;
                        tell(Change.STATUS);
                    }

                    @Override
                    public void radio(long fromUserId, String fromName, String text) {
                        listeners.forEach(l -> l.radio(fromName, text));
                    }

                    @Override
                    public void video(long seq, long micros, boolean key, byte[] accessUnit) {
                        pictures.accept(micros, key, accessUnit);
                    }

                    @Override
                    public void radioClip(long fromUserId, String fromName, String text, short[] samples) {
                        RadioClip clip = new RadioClip(fromName, text, samples);
                        listeners.forEach(l -> l.radioClip(clip));
                    }

                    @Override
                    public void coach(LiveControl hint) {
                        listeners.forEach(l -> l.coach(hint));
                    }

                    @Override
                    public void ended(long lastSeq, long dropped) {
                        tell(Change.ENDED);
                    }

                    @Override
                    public void error(String text) {
                        listeners.forEach(l -> l.error(text));
                    }
                });
        tell(Change.WATCH);
    }

    /** Stops watching the session (the team's presence is still followed). */
    public synchronized void stopWatching() {
        if (watching != null) {
            watching.close();
            watching = null;
        }
        if (video != null) {
            video.close();
            video = null;
        }
        watchedKey = null;
        status = null;
        board.clear();
        tell(Change.STOPPED);
    }

    public String watchedKey() {
        return watchedKey;
    }

    /** The watched session's video in a sentence: its size and rate, or why there is none. */
    public synchronized String videoStatus() {
        return video == null ? "No session watched" : video.status();
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

    /**
     * Plays a clip of the driver's radio, after any playing; the future fails with a clear message when there is
     * no sound device.
     */
    public CompletableFuture<Void> play(RadioClip clip) {
        return player.play(clip.pcm());
    }

    /** Sends the watched session's driver a pit stop to set; false when not connected. */
    public synchronized boolean pitPlan(LiveControl.PitPlan plan) {
        return watching != null && watching.pitPlan(plan);
    }

    private void tell(Change change) {
        listeners.forEach(l -> l.changed(change));
    }

    /** Stops watching and following the team (signed out, or the component ends). */
    @Deactivate
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
