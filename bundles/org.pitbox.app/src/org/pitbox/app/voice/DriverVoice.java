package org.pitbox.app.voice;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.team.TeamSession;
import org.pitbox.app.team.TeamSettings;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.voice.answer.Conversation;
import org.pitbox.voice.answer.LiveFacts;
import org.pitbox.voice.answer.Reply;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.speak.AudioSink;
import org.pitbox.voice.speak.JavaSoundSink;
import org.pitbox.voice.speak.LocalVoice;
import org.pitbox.voice.speak.Message;
import org.pitbox.voice.speak.SpeechQueue;
import org.pitbox.voice.speak.TrackPlace;
import org.pitbox.voice.speak.UrgentCalls;
import org.pitbox.voice.speak.Voice;
import org.pitbox.voice.speak.VoiceException;

/**
 * PitBox's voice in the driver's ear, through one {@link SpeechQueue}: the answers to what the driver said
 * ({@link #hear}), the engineer's radio and the coach's hints heard by {@link TeamSession}, and urgent calls
 * (flags, pit limiter, fuel critical) from the active feed, read {@link #POLL_HZ} times a second. After "quiet"
 * it says only answers, radio and urgent calls; "talk to me" brings the coach's hints back. The driver's
 * push-to-talk ducks everything ({@link #pushToTalk}). Sound goes to the default device, opened when the first
 * message plays; with no device each message ends FAILED with the reason, and nothing else breaks.
 */
@Component(service = DriverVoice.class)
public class DriverVoice {
    /** The setting that picks the voice: {@link #LOCAL_VOICE} or {@link #TEAM_VOICE}. */
    public static final String SPEAKER = "voice.speaker", LOCAL_VOICE = "local", TEAM_VOICE = "team";
    static final int POLL_HZ = 20;
    static final Duration ANSWER_AGE = Duration.ofSeconds(10);
    static final Duration RADIO_AGE = Duration.ofSeconds(30);
    static final Duration HINT_AGE = Duration.ofSeconds(20);
    static final Duration URGENT_AGE = Duration.ofSeconds(5);

    private final ActiveFeed activeFeed;
    private final TeamSession team;
    private final Voice localVoice;
    private TeamSettings settings;
    private final SpeechQueue queue;
    private final VoiceProfiles profiles;
    private final LiveFacts facts = new LiveFacts();
    private final TrackPlace place = new TrackPlace();
    private final UrgentCalls calls = new UrgentCalls();
    private final Conversation conversation = new Conversation(CommandTable.standard(), facts::facts);
    private final ScheduledExecutorService poller;
    /** What the team session hears that the driver should hear too (package-visible for the tests). */
    final TeamSession.Listener heard = new TeamSession.Listener() {
        @Override
        public void changed(String sentence) {
        }

        @Override
        public void radio(String fromName, String text) {
            say(Message.routine(fromName + " on the radio: " + text, RADIO_AGE));
        }

        @Override
        public void coach(String text, String source) {
            if (!quiet()) {
                say(Message.routine(text, HINT_AGE));
            }
        }
    };
    private LiveFeed feed;
    private Frame frame;

    @Activate
    public DriverVoice(@Reference(name = "activeFeed") ActiveFeed activeFeed, @Reference(name = "team") TeamSession team,
            @Reference(name = "settings") TeamSettings settings) {
        this(activeFeed, team, new LocalVoice(), new JavaSoundSink());
        this.settings = settings;
        useTeamVoice(TEAM_VOICE.equals(settings.get(SPEAKER, LOCAL_VOICE)));
    }

    /** With another voice and sound output (the tests' sink). */
    public DriverVoice(ActiveFeed activeFeed, TeamSession team, Voice voice, AudioSink sink) {
        this.activeFeed = activeFeed;
        this.team = team;
        this.localVoice = voice;
        this.queue = new SpeechQueue(voice, sink);
        this.profiles = new VoiceProfiles(team, voice, new JavaSoundSink());
        queue.track(place::lapDistance, place::onStraight);
        team.addListener(heard);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pitbox-driver-voice");
            t.setDaemon(true);
            return t;
        });
        poller.execute(this::load);
        poller.scheduleWithFixedDelay(this::poll, 0, 1000 / POLL_HZ, TimeUnit.MILLISECONDS);
    }

    /**
     * Answers what the driver said (the recogniser's words) and says the answer; radio for the team ("tell the
     * engineer ...") goes out through the team session, as the driver's {@code audio} (a clip the engineer plays,
     * with the words where the recogniser heard them) when there is audio, else as text. The caller sends the
     * reply's pit requests.
     */
    public synchronized Reply hear(String words, short[] audio) {
        Reply reply = conversation.hear(words);
        String text = reply.text();
        if (reply.radio() != null && !(reply.clip() && audio != null && audio.length > 0
                ? team.radioClip(audio, reply.radio().isEmpty() ? null : reply.radio()) : team.radio(reply.radio()))) {
            text = "Not sent: you are not streaming to the team.";
        }
        if (text != null && !text.isBlank()) {
            say(Message.routine(text, ANSWER_AGE));
        }
        return reply;
    }

    /** The push-to-talk key went down (true) or up: nothing plays while it is down. */
    public void pushToTalk(boolean down) {
        queue.duck(down);
    }

    /** Whether the driver asked for quiet. */
    public synchronized boolean quiet() {
        return conversation.quiet();
    }

    /**
     * Speaks in the team's voice (ElevenLabs through the server, the local voice when it cannot) or in the local
     * voice only; kept in the settings.
     */
    public synchronized void useTeamVoice(boolean teamVoice) {
        queue.voice(teamVoice ? new TeamVoice(team, localVoice) : localVoice);
        if (settings != null) {
            settings.put(SPEAKER, teamVoice ? TEAM_VOICE : LOCAL_VOICE);
        }
    }

    public boolean teamVoice() {
        return queue.voice() instanceof TeamVoice;
    }

    /** The team voice's profile editor, whose test plays on the default sound device. */
    public VoiceProfiles profiles() {
        return profiles;
    }

    /** The voice speaking now, as the settings name it. */
    public String voiceName() {
        return queue.voice().name();
    }

    /** Hears what became of each message (spoken, stale, cut off, failed with the reason), on the speech thread. */
    public void addListener(SpeechQueue.Listener l) {
        queue.addListener(l);
    }

    public void removeListener(SpeechQueue.Listener l) {
        queue.removeListener(l);
    }

    /** Queues a message (the UI's test button, later the server's voice). */
    public void say(Message m) {
        queue.say(m);
    }

    /** Loads the local voice before the first message needs it; a failure shows when a message is said. */
    private void load() {
        if (localVoice instanceof LocalVoice l) {
            try {
                l.load();
            } catch (VoiceException e) {
                // the first message ends FAILED with the reason
            }
        }
    }

    /** Reads the newest frame of the active feed into the live figures and makes the urgent calls it shows. */
    private void poll() {
        try {
            LiveFeed now = activeFeed.feed();
            if (now != feed) {
                feed = now;
                frame = now == null ? null : new Frame(now.layout());
            }
            if (frame == null || !now.readLatest(frame)) {
                return;
            }
            facts.update(frame);
            place.update(frame);
            for (String call : calls.update(frame, facts.facts().fuel().lapsOfFuel())) {
                say(Message.urgent(call, URGENT_AGE));
            }
        } catch (RuntimeException e) {
            // a feed closing under the poll: the next poll sees it gone
        }
    }

    @Deactivate
    public void close() {
        team.removeListener(heard);
        poller.shutdownNow();
        queue.close();
        if (localVoice instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing held but memory
            }
        }
    }
}
