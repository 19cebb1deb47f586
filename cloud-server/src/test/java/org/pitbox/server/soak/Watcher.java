package org.pitbox.server.soak;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.pitbox.client.live.SubscriberListener;
import org.pitbox.client.live.SubscriberStatus;

/**
 * An honest engineer's view of one driver's session: every row must come once, in order, bit for bit the
 * row the driver sent; the connection must never be lost.
 */
final class Watcher implements SubscriberListener {
    final int driver;
    final CountDownLatch connected = new CountDownLatch(1);
    final CountDownLatch ended = new CountDownLatch(1);
    private long next = 1;
    private long wrong;
    private long lastSeq = -1;
    private long droppedAtEnd = -1;
    private long dropped;
    private boolean lost;

    Watcher(int driver) {
        this.driver = driver;
    }

    @Override
    public synchronized void status(SubscriberStatus status) {
        switch (status.state()) {
            case CONNECTED -> connected.countDown();
            case RECONNECTING -> lost = true;
            default -> {
            }
        }
    }

    @Override
    public synchronized void row(long seq, byte[] row) {
        if (seq != next || !Arrays.equals(row, SoakData.row(driver, seq))) {
            wrong++;
        }
        next = seq + 1;
    }

    @Override
    public synchronized void dropped(long total) {
        dropped = total;
    }

    @Override
    public synchronized void ended(long seq, long droppedOfSession) {
        lastSeq = seq;
        droppedAtEnd = droppedOfSession;
        ended.countDown();
    }

    /** Null when the watcher saw exactly frames 1..published, each once and right; else what went wrong. */
    synchronized String problem(long published) {
        if (lost) {
            return "driver " + driver + ": a watcher's connection was lost";
        }
        if (wrong > 0 || next != published + 1 || lastSeq != published || droppedAtEnd != 0 || dropped != 0) {
            return "driver " + driver + ": a watcher got " + (next - 1) + " of " + published + " frames, " + wrong
                    + " out of order or wrong, " + dropped + " dropped, ended at " + lastSeq;
        }
        return null;
    }
}
