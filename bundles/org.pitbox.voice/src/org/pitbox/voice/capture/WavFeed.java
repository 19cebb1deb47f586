package org.pitbox.voice.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.pitbox.voice.engine.Audio;

/**
 * Plays recorded speech as if a microphone heard it: the demo's "microphone" on machines without one, and the
 * tests'. In real time it hands over silence after the recording until stopped, as a microphone would; otherwise
 * it hands over the recording as fast as it is taken and ends.
 */
public final class WavFeed implements AudioFeed {
    private final String name;
    private final short[] samples;
    private final boolean realTime;
    private Thread thread;
    private volatile boolean running;

    public WavFeed(String name, short[] samples, boolean realTime) {
        this.name = name;
        this.samples = samples.clone();
        this.realTime = realTime;
    }

    /** A WAV file (any PCM rate, mono or stereo), played in real time. */
    public static WavFeed of(Path wav) throws IOException {
        return new WavFeed("Recording " + wav.getFileName(), Audio.readWav(wav), true);
    }

    /** The recording's length in milliseconds. */
    public long millis() {
        return samples.length * 1000L / Audio.RATE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start(Consumer<short[]> chunks) {
        stop();
        running = true;
        thread = new Thread(() -> play(chunks), "pitbox-wav-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void play(Consumer<short[]> chunks) {
        long start = System.nanoTime();
        for (int at = 0, n = 0; running; at += CHUNK, n++) {
            if (!realTime && at >= samples.length) {
                return;
            }
            short[] chunk = at < samples.length
                    ? Arrays.copyOfRange(samples, at, Math.min(samples.length, at + CHUNK))
                    : new short[CHUNK];
            chunks.accept(chunk);
            if (realTime) {
                long due = start + (n + 1) * CHUNK * 1_000_000_000L / Audio.RATE;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
