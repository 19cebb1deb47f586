package org.pitbox.voice.speak;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A sound device for tests: keeps every byte written with its place in the sink's time (samples written before
 * it); when {@code paced}, a write takes as long as its audio would play, as a device's does.
 */
final class TestSink implements AudioSink {
    /** One write: where in the sink's time it starts, in samples, and how many. */
    record Piece(long at, int samples) {
    }

    private final boolean paced;
    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    private final List<Piece> pieces = new ArrayList<>();
    private int flushes;
    private boolean closed;
    private boolean held;

    TestSink(boolean paced) {
        this.paced = paced;
    }

    @Override
    public void open() {
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (paced) {
            LockSupport.parkNanos(length * 1_000_000_000L / PcmOutput.BYTES_PER_SECOND);
        }
        synchronized (this) {
            while (held) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            pieces.add(new Piece(pcm.size() / 2, length / 2));
            pcm.write(bytes, offset, length);
            notifyAll();
        }
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public void drain() {
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** Holds the next write until {@link #release}, as a stalled device would: the sink's time stands still. */
    synchronized void hold() {
        held = true;
    }

    synchronized void release() {
        held = false;
        notifyAll();
    }

    /** Samples written so far: the sink's time. */
    synchronized long samples() {
        return pcm.size() / 2;
    }

    synchronized byte[] bytes() {
        return pcm.toByteArray();
    }

    synchronized List<Piece> pieces() {
        return List.copyOf(pieces);
    }

    synchronized int flushes() {
        return flushes;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Waits until {@code samples} were written, up to 30 s. */
    synchronized void await(long samples) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (pcm.size() / 2 < samples && System.nanoTime() < end) {
            wait(100);
        }
    }
}
