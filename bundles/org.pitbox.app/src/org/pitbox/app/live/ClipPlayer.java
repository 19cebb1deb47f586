package org.pitbox.app.live;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pitbox.voice.speak.AudioSink;

/**
 * Plays short sounds (the driver's radio clips, a voice sample), one at a time on a thread of its own, through an
 * {@link AudioSink} (the sound device, or the tests' sink), which is closed after each sound. With no device the
 * future fails with {@link #NO_DEVICE}, the sink's reason as its cause.
 */
public final class ClipPlayer {
    /** Why nothing played when the sink would not open; the cause says more. */
    public static final String NO_DEVICE = "No sound device to play on";
    private final AudioSink sink;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pitbox-clip-player");
        t.setDaemon(true);
        return t;
    });

    public ClipPlayer(AudioSink sink) {
        this.sink = sink;
    }

    /** Plays 16 kHz mono signed 16-bit little-endian PCM after any sound before it; done when it has been heard. */
    public CompletableFuture<Void> play(byte[] pcm) {
        return CompletableFuture.runAsync(() -> {
            try {
                try {
                    sink.open();
                } catch (IOException e) {
                    throw new IllegalStateException(NO_DEVICE, e);
                }
                sink.write(pcm, 0, pcm.length);
                sink.drain();
            } catch (IOException e) {
                throw new IllegalStateException("The sound broke off: " + e.getMessage(), e);
            } finally {
                sink.close();
            }
        }, thread);
    }
}
