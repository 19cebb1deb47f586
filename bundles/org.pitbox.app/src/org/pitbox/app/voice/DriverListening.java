package org.pitbox.app.voice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.pitbox.app.pit.IracingPitControl;
import org.pitbox.app.team.TeamSettings;
import org.pitbox.voice.answer.PitRequest;
import org.pitbox.voice.answer.Reply;
import org.pitbox.voice.capture.AudioFeed;
import org.pitbox.voice.capture.Microphone;
import org.pitbox.voice.capture.WavFeed;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandMatcher.Match;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.engine.SpeechEngine;
import org.pitbox.voice.engine.SphinxEngine;
import org.pitbox.voice.engine.Strictness;
import org.pitbox.voice.engine.VoskEngine;
import org.pitbox.voice.model.ModelDownload;
import org.pitbox.voice.ptt.PttButton;
import org.pitbox.voice.ptt.PttButtons;
import org.pitbox.voice.ptt.PushToTalk;
import org.pitbox.voice.speak.Message;

/**
 * Hearing the driver: the push-to-talk button, the microphone (or a recording), the recogniser the driver chose
 * (Vosk with a model, else Sphinx4 built in) and the command matcher. What was understood goes to
 * {@link DriverVoice}, which answers aloud, and its pit requests to iRacing. Settings are kept through
 * {@link TeamSettings}; listeners hear the state, the level, and every utterance with the command it matched.
 */
@Component(service = DriverListening.class)
public class DriverListening {
    public static final String BUTTON = "voice.pttButton", MICROPHONE = "voice.microphone", ENGINE = "voice.engine",
            VOSK_MODEL = "voice.voskModel", STRICTNESS = "voice.strictness";
    public static final String SPHINX = "sphinx", VOSK = "vosk";

    /** On or off, what hears and through what, and the latest problem in words (null when none). */
    public record State(boolean on, String engine, String feed, PttButton button, String problem) {
    }

    /** Called on the audio, recogniser or caller's thread. */
    public interface Listener {
        default void state(State state) {
        }

        default void level(double dbfs) {
        }

        default void talking() {
        }

        /** One hold's words ("" or with an unknown word when nothing matched) and the command they matched. */
        default void heard(String words, Match match, short[] audio) {
        }

        /** What PitBox answered (also spoken), after {@link #heard}. */
        default void answered(String words, Reply reply) {
        }
    }

    private final TeamSettings settings;
    private final DriverVoice voice;
    private final IracingPitControl pit = new IracingPitControl();
    private final CommandTable table = CommandTable.standard();
    private final CommandMatcher matcher = new CommandMatcher(table);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private PttButtons buttons;
    private PushToTalk ptt;
    private AutoCloseable watch;
    private State state = new State(false, "", "", null, null);

    @Activate
    public DriverListening(@Reference(name = "settings") TeamSettings settings,
            @Reference(name = "voice") DriverVoice voice) {
        this.settings = settings;
        this.voice = voice;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public synchronized State state() {
        return state;
    }

    public CommandTable commands() {
        return table;
    }

    /** The bound button, or null. */
    public PttButton button() {
        return PttButton.decode(settings.get(BUTTON, null));
    }

    /** The engine the driver chose: {@link #VOSK} or {@link #SPHINX}. */
    public String engineChoice() {
        return settings.get(ENGINE, SPHINX);
    }

    /** How readily Sphinx4 takes speech for a command ({@link Strictness#NORMAL} unless the driver chose). */
    public Strictness strictness() {
        return Strictness.named(settings.get(STRICTNESS, Strictness.NORMAL.key()));
    }

    public void chooseStrictness(Strictness strictness) {
        settings.put(STRICTNESS, strictness.key());
    }

    public String microphone() {
        return settings.get(MICROPHONE, "");
    }

    /** The Vosk model folder the driver installed or chose, or null. */
    public Path voskModel() {
        String dir = settings.get(VOSK_MODEL, "");
        return dir.isBlank() ? null : Path.of(dir);
    }

    public void chooseMicrophone(String name) {
        settings.put(MICROPHONE, name);
    }

    public void chooseEngine(String engine, Path voskModel) {
        settings.put(ENGINE, engine);
        if (voskModel != null) {
            settings.put(VOSK_MODEL, voskModel.toString());
        }
    }

    /** Turns push-to-talk on with the microphone; loading the recogniser takes a second or two: not on the UI thread. */
    public void start() {
        String name = microphone();
        start(() -> Microphone.open(name));
    }

    /** Turns push-to-talk on without a microphone (the demo's): utterances come from {@link #hear(Path)}. */
    public void startWithoutMicrophone() {
        start(() -> new WavFeed("No microphone (recordings only)", new short[0], true));
    }

    /** Hears a recording as one push-to-talk utterance, as if the driver held the button while it played. */
    public void hear(Path wav) throws IOException {
        short[] samples = Audio.readWav(wav);
        synchronized (this) {
            if (ptt == null) {
                throw new IllegalStateException("Push-to-talk is off: turn it on first");
            }
            ptt.hear(samples);
        }
    }

    private interface FeedMaker {
        AudioFeed make() throws IOException;
    }

    private synchronized void start(FeedMaker feedMaker) {
        stop();
        String problem = null;
        SpeechEngine engine;
        try {
            engine = engine();
        } catch (IOException | RuntimeException | LinkageError e) {
            problem = "Vosk could not start (" + e.getMessage() + "); using Sphinx4, built in";
            try {
                engine = new SphinxEngine(table, strictness());
            } catch (IOException e2) {
                set(new State(false, "", "", button(), "No recogniser could start: " + e2.getMessage()));
                return;
            }
        }
        AudioFeed feed;
        try {
            feed = feedMaker.make();
        } catch (IOException e) {
            engine.close();
            set(new State(false, engine.name(), "", button(), e.getMessage()));
            return;
        }
        PushToTalk next = new PushToTalk(engine, feed, new PushToTalk.Listener() {
            @Override
            public void talking() {
                voice.pushToTalk(true);
                listeners.forEach(Listener::talking);
            }

            @Override
            public void level(double dbfs) {
                listeners.forEach(l -> l.level(dbfs));
            }

            @Override
            public void heard(String words, short[] audio) {
                voice.pushToTalk(false);
                Match match = matcher.match(words);
                listeners.forEach(l -> l.heard(words, match, audio));
                answer(words, audio);
            }

            @Override
            public void failed(String message) {
                synchronized (DriverListening.this) {
                    set(new State(state.on(), state.engine(), state.feed(), state.button(), message));
                }
            }
        });
        try {
            next.start();
        } catch (IOException e) {
            next.close();
            set(new State(false, engine.name(), feed.name(), button(), e.getMessage()));
            return;
        }
        ptt = next;
        PttButton b = watchButton();
        if (b == null && problem == null) {
            problem = "No push-to-talk button bound: bind one in the Voice settings";
        }
        set(new State(true, engine.name(), feed.name(), b, problem));
    }

    /** Watches the bound button (after closing the watch of the one before); returns it, or null when none. */
    private PttButton watchButton() {
        closeWatch();
        PttButton b = button();
        if (b != null) {
            watch = buttons().watch(b, new PttButtons.Listener() {
                @Override
                public void pressed() {
                    press();
                }

                @Override
                public void released() {
                    release();
                }
            });
        }
        return b;
    }

    private void closeWatch() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                // a watch only stops a thread
            }
            watch = null;
        }
    }

    /** Says the answer and sends its pit requests; where they cannot go (not Windows, no iRacing), says so. */
    private void answer(String words, short[] audio) {
        Reply reply = voice.hear(words, audio);
        listeners.forEach(l -> l.answered(words, reply));
        if (reply.pit().isEmpty()) {
            return;
        }
        try {
            for (PitRequest r : reply.pit()) {
                pit.send(r.command(), r.value());
            }
        } catch (IllegalStateException e) {
            voice.say(Message.routine("Not sent: " + e.getMessage(), Duration.ofSeconds(10)));
        }
    }

    private SpeechEngine engine() throws IOException {
        Path model = voskModel();
        if (VOSK.equals(engineChoice())) {
            if (model == null || !Files.isDirectory(model)) {
                throw new IOException("no Vosk model installed");
            }
            return new VoskEngine(model, table);
        }
        return new SphinxEngine(table, strictness());
    }

    /** The keyboard and controllers, opened on first use. */
    public synchronized PttButtons buttons() {
        if (buttons == null) {
            buttons = PttButtons.forThisMachine();
        }
        return buttons;
    }

    /**
     * Waits for the driver to press a key or button and binds it for push-to-talk (null when none was pressed
     * within {@code timeout}); a running push-to-talk starts again with it.
     */
    public CompletableFuture<PttButton> bind(Duration timeout) {
        PttButtons b = buttons();
        return CompletableFuture.supplyAsync(() -> {
            try {
                PttButton pressed = b.waitForPress(timeout);
                if (pressed != null) {
                    settings.put(BUTTON, pressed.encode());
                    rebind();
                }
                return pressed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        });
    }

    private synchronized void rebind() {
        if (ptt != null) {
            PttButton b = watchButton();
            set(new State(true, state.engine(), state.feed(), b, null));
        }
    }

    /** The button (or the settings' test button) went down. */
    public synchronized void press() {
        if (ptt != null) {
            ptt.press();
        }
    }

    public synchronized void release() {
        if (ptt != null) {
            ptt.release();
        }
        voice.pushToTalk(false);
    }

    /** Where the models the driver downloads go. */
    public static Path modelsFolder() {
        return ModelDownload.defaultFolder();
    }

    public synchronized void stop() {
        closeWatch();
        if (ptt != null) {
            ptt.close();
            ptt = null;
            set(new State(false, state.engine(), state.feed(), button(), null));
        }
    }

    /** Stops and lets go of the keyboard and controllers. */
    @Deactivate
    public synchronized void dispose() {
        stop();
        if (buttons != null) {
            buttons.close();
            buttons = null;
        }
    }

    private void set(State next) {
        state = next;
        listeners.forEach(l -> l.state(next));
    }
}
