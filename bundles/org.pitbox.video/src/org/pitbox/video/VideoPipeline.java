package org.pitbox.video;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Capture and encoding on their own low-priority threads, joined by a queue of a few pictures that drops the oldest
 * when the encoder falls behind, so the capture side never waits. Encoded access units go to the sink on the encode
 * thread. The bitrate can be lowered at run time (bandwidth backoff) and video paused.
 */
public final class VideoPipeline implements AutoCloseable {
    /** Pictures the queue holds before it drops the oldest. */
    public static final int QUEUE = 3;
    private static final long RATE_WINDOW_NANOS = 3_000_000_000L;

    private final FrameSource source;
    private final Consumer<EncodedVideo> sink;
    private final H264Encoder encoder;
    private final Deque<VideoPicture> queue = new ArrayDeque<>();
    private final Deque<long[]> sent = new ArrayDeque<>();
    private final Samples captureTimes = new Samples();
    private final Samples encodeTimes = new Samples();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Thread captureThread;
    private final Thread encodeThread;
    private final long startNanos = System.nanoTime();
    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile int bitrate;
    private volatile int pictureStep = 1;
    /** Pictures captured since the last one queued (guarded by the queue). */
    private int sinceTaken;
    private volatile boolean keyframeWanted;
    private volatile String error;
    private volatile long captureCpuNanos;
    private volatile long encodeCpuNanos;
    private long captured;
    private long encoded;
    private long dropped;

    /** Starts capturing from {@code source} and encoding with {@code encoder}; closes both when closed. */
    public VideoPipeline(FrameSource source, H264Encoder encoder, Consumer<EncodedVideo> sink) {
        this.source = source;
        this.encoder = encoder;
        this.sink = sink;
        this.bitrate = encoder.settings().bitrate();
        captureThread = new Thread(this::captureLoop, "pitbox-video-capture");
        encodeThread = new Thread(this::encodeLoop, "pitbox-video-encode");
        for (Thread t : new Thread[] {captureThread, encodeThread}) {
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 2);
            t.start();
        }
    }

    /** Lowers (or raises) the cap, 0.5 to 4 Mbit/s; the encoder takes it at the next picture. */
    public void setBitrate(int bitsPerSecond) {
        encoder.settings().withBitrate(bitsPerSecond); // validates now, on the caller's thread
        bitrate = bitsPerSecond;
    }

    public void requestKeyframe() {
        keyframeWanted = true;
    }

    /**
     * Encodes one picture of every {@code step} captured (1: all), so the rate, and with it the bits, fall when the
     * link is short; skipped pictures are not counted as dropped.
     */
    public void setPictureStep(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("picture step " + step + " must be at least 1");
        }
        pictureStep = step;
    }

    public int pictureStep() {
        return pictureStep;
    }

    /** Stops capturing until {@link #resume()}; what was queued is dropped. */
    public void pause() {
        paused = true;
        synchronized (queue) {
            queue.clear();
        }
    }

    /** Captures again; the next access unit is a key frame. */
    public void resume() {
        keyframeWanted = true;
        paused = false;
        synchronized (this) {
            notifyAll();
        }
    }

    public boolean paused() {
        return paused;
    }

    private void captureLoop() {
        try {
            while (running) {
                if (paused) {
                    synchronized (this) {
                        while (paused && running) {
                            wait(100);
                        }
                    }
                    continue;
                }
                long cpu0 = threads.getCurrentThreadCpuTime();
                VideoPicture picture = source.grab();
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                captureTimes.add(cpu);
                captureCpuNanos = threads.getCurrentThreadCpuTime();
                offer(picture);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    private void offer(VideoPicture picture) {
        synchronized (queue) {
            if (paused) {
                return;
            }
            captured++;
            if (++sinceTaken < pictureStep) {
                return;
            }
            sinceTaken = 0;
            if (queue.size() >= QUEUE) {
                queue.removeFirst();
                dropped++;
            }
            queue.addLast(picture);
            queue.notifyAll();
        }
    }

    private void encodeLoop() {
        try {
            while (running) {
                VideoPicture picture;
                synchronized (queue) {
                    while (queue.isEmpty() && running) {
                        queue.wait(100);
                    }
                    if (!running) {
                        return;
                    }
                    picture = queue.removeFirst();
                }
                if (bitrate != encoder.settings().bitrate()) {
                    encoder.setBitrate(bitrate);
                }
                if (keyframeWanted) {
                    keyframeWanted = false;
                    encoder.requestKeyframe();
                }
                long t0 = System.nanoTime();
                var units = encoder.encode(picture);
                encodeTimes.add(System.nanoTime() - t0);
                encodeCpuNanos = threads.getCurrentThreadCpuTime();
                synchronized (queue) {
                    encoded++;
                }
                for (EncodedVideo unit : units) {
                    count(unit);
                    sink.accept(unit);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    private void count(EncodedVideo unit) {
        long now = System.nanoTime();
        synchronized (sent) {
            sent.addLast(new long[] {now, unit.bits()});
            while (now - sent.peekFirst()[0] > RATE_WINDOW_NANOS) {
                sent.removeFirst();
            }
        }
    }

    private void fail(Throwable e) {
        if (running) {
            error = e.getMessage() != null ? e.getMessage() : e.toString();
            running = false;
        }
    }

    /** The failure that stopped the pipeline, or null while it runs. */
    public String error() {
        return error;
    }

    public VideoStats stats() {
        long now = System.nanoTime();
        double elapsed = Math.max(1, now - startNanos);
        long bps;
        synchronized (sent) {
            long bits = sent.stream().filter(s -> now - s[0] <= RATE_WINDOW_NANOS).mapToLong(s -> s[1]).sum();
            bps = (long) (bits * 1e9 / Math.min(elapsed, RATE_WINDOW_NANOS));
        }
        synchronized (queue) {
            return new VideoStats(encoder.name(), bitrate, paused, captured, encoded, dropped,
                    captureTimes.percentileMillis(50), captureTimes.percentileMillis(99),
                    encodeTimes.percentileMillis(50), encodeTimes.percentileMillis(99), captureCpuNanos / elapsed,
                    encodeCpuNanos / elapsed, bps, error);
        }
    }

    /** Stops both threads and closes the source and the encoder. */
    @Override
    public void close() {
        running = false;
        paused = false;
        synchronized (this) {
            notifyAll();
        }
        encodeThread.interrupt();
        try {
            encodeThread.join(2000);
            captureThread.join(2000); // a grab in progress finishes first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
        encoder.close();
    }
}
