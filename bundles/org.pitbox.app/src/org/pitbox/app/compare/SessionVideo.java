package org.pitbox.app.compare;

import java.io.IOException;
import java.nio.file.Path;
import org.pitbox.video.VideoFile;
import org.pitbox.video.VideoPicture;

/**
 * A stored session's video for the engineer, played off the UI thread: one thread opens the file (FFmpeg loads
 * then), seeks where asked (only the newest request counts, so dragging a cursor never queues up work) and plays
 * at real time from where it is. Each picture shown goes to the listener with the time it is shown for.
 */
public final class SessionVideo implements AutoCloseable {
    /** Told on the video's thread. */
    public interface Listener {
        /** The picture on screen for {@code seconds} on the video's clock (the session's). */
        void shown(VideoPicture picture, double seconds);

        /** Playback stopped by itself: at the end of the video. */
        void ended();

        /** The video cannot be read; {@code message} says why. */
        void failed(String message);
    }

    /** A picture this late against the playback clock moves the clock instead of hurrying (a slow machine). */
    private static final long LATE_NANOS = 500_000_000;

    private final Path file;
    private final Listener listener;
    private final Thread worker;
    private final Object lock = new Object();
    private double seekTo = Double.NaN;
    private boolean playing;
    private boolean closed;
    private volatile double position;

    private SessionVideo(Path file, Listener listener) {
        this.file = file;
        this.listener = listener;
        worker = Thread.ofPlatform().daemon().name("pitbox-session-video").start(this::run);
    }

    /** Starts reading {@code file}; the listener hears the first picture or why there is none. */
    public static SessionVideo open(Path file, Listener listener) {
        SessionVideo video = new SessionVideo(file, listener);
        video.seek(0);
        return video;
    }

    public Path file() {
        return file;
    }

    /** Shows the picture at {@code seconds}; playback, if on, goes on from there. */
    public void seek(double seconds) {
        synchronized (lock) {
            seekTo = Math.max(0, seconds);
            lock.notifyAll();
        }
    }

    public void play() {
        synchronized (lock) {
            playing = true;
            lock.notifyAll();
        }
    }

    public void pause() {
        synchronized (lock) {
            playing = false;
            lock.notifyAll();
        }
    }

    public boolean playing() {
        synchronized (lock) {
            return playing;
        }
    }

    /** The time of the picture last shown (or asked for), in seconds. */
    public double position() {
        return position;
    }

    private void run() {
        try (VideoFile video = VideoFile.open(file)) {
            long anchorNanos = 0;
            long anchorMicros = -1;
            VideoPicture held = null; // read but not yet due when playback paused
            while (true) {
                double target;
                boolean play;
                synchronized (lock) {
                    while (!closed && Double.isNaN(seekTo) && !playing) {
                        lock.wait();
                    }
                    if (closed) {
                        return;
                    }
                    target = seekTo;
                    seekTo = Double.NaN;
                    play = playing;
                }
                if (!Double.isNaN(target)) {
                    VideoPicture p = video.at(Math.round(target * 1e6));
                    position = target;
                    anchorMicros = -1;
                    held = null;
                    if (p != null) {
                        listener.shown(p, target);
                    }
                    continue;
                }
                if (!play) {
                    continue;
                }
                VideoPicture p = held != null ? held : video.next();
                held = null;
                if (p == null) {
                    synchronized (lock) {
                        playing = false;
                    }
                    listener.ended();
                    continue;
                }
                if (anchorMicros < 0 || System.nanoTime() - due(anchorNanos, anchorMicros, p) > LATE_NANOS) {
                    anchorNanos = System.nanoTime();
                    anchorMicros = p.micros();
                }
                if (!waitUntil(due(anchorNanos, anchorMicros, p))) {
                    held = p; // a seek, a pause or close came first
                    anchorMicros = -1;
                    continue;
                }
                position = p.micros() / 1e6;
                listener.shown(p, position);
            }
        } catch (IOException | RuntimeException e) {
            listener.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long due(long anchorNanos, long anchorMicros, VideoPicture p) {
        return anchorNanos + (p.micros() - anchorMicros) * 1000;
    }

    /** Waits for the playback clock; false when a seek, a pause or close came first. */
    private boolean waitUntil(long nanos) throws InterruptedException {
        synchronized (lock) {
            for (long left; (left = nanos - System.nanoTime()) > 0;) {
                if (closed || !playing || !Double.isNaN(seekTo)) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000), 0);
            }
            return !closed && playing && Double.isNaN(seekTo);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
