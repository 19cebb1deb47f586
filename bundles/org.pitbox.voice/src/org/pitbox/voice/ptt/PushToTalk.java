package org.pitbox.voice.ptt;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.pitbox.voice.capture.AudioFeed;
import org.pitbox.voice.capture.Level;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.engine.SpeechEngine;

/**
 * The driver holds a button and speaks: the audio between press and release (with the 300 ms before the press, so
 * a word started with the press is whole) goes to the engine as it is captured, so the engine decodes while the
 * driver speaks and little is left at the release; the words come back to the listener. The feed runs while
 * push-to-talk is on, for the level meter; only held audio is recognised.
 */
public final class PushToTalk implements AutoCloseable {
    /** Audio kept from before the press. */
    static final int PRE_ROLL = Audio.RATE * 3 / 10;
    /** The longest utterance kept: longer holds are cut. */
    static final int MAX_SAMPLES = Audio.RATE * 15;

    /** Told on the feed's and the recogniser's threads. */
    public interface Listener {
        /** The button went down: the driver is talking (speech should duck). */
        void talking();

        /** The loudness of the latest chunk, for the meter. */
        default void level(double dbfs) {
        }

        /** What the engine heard in one hold ("" or "<unk>" when nothing in the grammar), with the audio. */
        void heard(String words, short[] audio);

        /** The feed or the engine failed; the message says what to do. */
        void failed(String message);
    }

    private final SpeechEngine engine;
    private final AudioFeed feed;
    private final Listener listener;
    private final ExecutorService recogniser;
    private final ArrayDeque<short[]> preRoll = new ArrayDeque<>();
    private int preRollSamples;
    /** Held while the engine starts or finishes an utterance: it hears one at a time. */
    private final Object engineLock = new Object();
    private short[] held;
    private SpeechEngine.Utterance utterance;
    private int heldSamples;

    public PushToTalk(SpeechEngine engine, AudioFeed feed, Listener listener) {
        this.engine = engine;
        this.feed = feed;
        this.listener = listener;
        this.recogniser = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pitbox-recogniser");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the feed (the microphone opens). */
    public void start() throws IOException {
        feed.start(this::chunk);
    }

    /** The engine's name, for the settings and the overlay. */
    public String engineName() {
        return engine.name();
    }

    public String feedName() {
        return feed.name();
    }

    /** The button went down: the engine starts hearing (the pre-roll first) and decodes while the driver speaks. */
    public void press() {
        synchronized (engineLock) {
            synchronized (this) {
                if (held != null) {
                    return;
                }
                held = new short[MAX_SAMPLES];
                heldSamples = 0;
                utterance = engine.start();
                for (short[] c : preRoll) {
                    take(c);
                }
            }
        }
        listener.talking();
    }

    /** The button went up: what is left to decode is finished on the recogniser's thread. */
    public void release() {
        short[] audio;
        SpeechEngine.Utterance ended;
        synchronized (this) {
            if (held == null) {
                return;
            }
            audio = Arrays.copyOf(held, heldSamples);
            ended = utterance;
            held = null;
            utterance = null;
        }
        recogniser.execute(() -> heard(ended::finish, audio));
    }

    /** One utterance recorded elsewhere, heard as if the button was held while it played (the demo's). */
    public void hear(short[] recording) {
        listener.talking();
        short[] audio = recording.clone();
        recogniser.execute(() -> heard(() -> engine.recognise(audio), audio));
    }

    private void heard(Supplier<String> words, short[] audio) {
        try {
            String text;
            synchronized (engineLock) {
                text = words.get();
            }
            listener.heard(text, audio);
        } catch (RuntimeException e) {
            listener.failed("The recogniser " + engine.name() + " failed: " + e.getMessage());
        }
    }

    public synchronized boolean talking() {
        return held != null;
    }

    private void chunk(short[] chunk) {
        listener.level(Level.dbfs(chunk));
        synchronized (this) {
            if (held != null) {
                take(chunk);
            }
            preRoll.addLast(chunk);
            preRollSamples += chunk.length;
            while (preRollSamples - preRoll.peekFirst().length >= PRE_ROLL) {
                preRollSamples -= preRoll.removeFirst().length;
            }
        }
    }

    /** Keeps a chunk of the held audio and hands it to the engine, up to the longest utterance. */
    private void take(short[] chunk) {
        int n = Math.min(chunk.length, held.length - heldSamples);
        if (n > 0) {
            System.arraycopy(chunk, 0, held, heldSamples, n);
            heldSamples += n;
            utterance.hear(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
        }
    }

    /** Stops the feed, lets an utterance being recognised finish, then closes the engine. */
    @Override
    public void close() {
        feed.stop();
        synchronized (this) {
            if (utterance != null) { // held while closing: end the engine's utterance, tell nobody
                SpeechEngine.Utterance open = utterance;
                utterance = null;
                held = null;
                recogniser.execute(() -> {
                    synchronized (engineLock) {
                        open.finish();
                    }
                });
            }
        }
        recogniser.shutdown();
        try {
            recogniser.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
    }
}
