package org.pitbox.app.live;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.Consumer;
import org.pitbox.video.H264Decoder;
import org.pitbox.video.VideoPicture;

/**
 * The watched driver's video for the engineer: access units queue up (at most {@link #QUEUE}) and one thread decodes
 * them, so neither the subscriber's thread nor the UI's waits. When it falls behind it drops what is queued and
 * waits for the next key picture. Each decoded picture (its time on the session's clock) goes to the listener.
 */
public final class LiveVideo implements AutoCloseable {
    /** Access units waiting to be decoded before the queue is dropped. */
    static final int QUEUE = 30;

    private record Unit(long micros, byte[] accessUnit) {
    }

    private final Consumer<VideoPicture> listener;
    private final ArrayDeque<Unit> queue = new ArrayDeque<>();
    private final Thread decoder;
    private volatile boolean closed;
    private volatile String status = "No video: the driver is not sending any";
    private long dropped;
    private boolean waitForKey;

    public LiveVideo(Consumer<VideoPicture> listener) {
        this.listener = listener;
        this.decoder = Thread.ofPlatform().daemon().name("pitbox-video-decode").start(this::decodeLoop);
    }

    /** A picture the subscriber got; never waits. */
    public synchronized void accept(long micros, boolean key, byte[] accessUnit) {
        if (waitForKey && !key) {
            return;
        }
        waitForKey = false;
        if (queue.size() >= QUEUE) {
            dropped += queue.size() + 1;
            queue.clear();
            waitForKey = !key;
            if (!key) {
                return;
            }
        }
        queue.add(new Unit(micros, accessUnit));
        notifyAll();
    }

    /** One line for the engineer: the picture's size and rate, or why there is none. */
    public String status() {
        return status;
    }

    private void decodeLoop() {
        H264Decoder h264 = null; // FFmpeg loads with the first picture: a session without video never needs it
        try {
            long pictures = 0;
            long since = System.nanoTime();
            while (!closed) {
                Unit u = next();
                if (u == null) {
                    continue;
                }
                if (h264 == null) {
                    h264 = new H264Decoder();
                }
                long t0 = System.nanoTime();
                VideoPicture p = h264.decode(u.accessUnit(), u.micros());
                if (p == null) {
                    status = h264.waitingForKeyframe() ? "Video: waiting for a key picture" : status;
                    continue;
                }
                pictures++;
                long now = System.nanoTime();
                if (now - since > 1_000_000_000L) {
                    status = String.format(Locale.ROOT, "Video %dx%d, %.0f pictures/s, decoded in %.1f ms%s",
                            p.width(), p.height(), pictures * 1e9 / (now - since), (now - t0) / 1e6,
                            droppedNote());
                    pictures = 0;
                    since = now;
                }
                listener.accept(p);
            }
        } catch (RuntimeException | LinkageError e) {
            status = "Video cannot be shown: " + e.getMessage();
        } finally {
            if (h264 != null) {
                h264.close();
            }
        }
    }

    private synchronized String droppedNote() {
        return dropped == 0 ? "" : ", " + dropped + " dropped while behind";
    }

    private synchronized Unit next() {
        if (queue.isEmpty()) {
            try {
                wait(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
        return queue.poll();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        try {
            decoder.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
