package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.pitbox.client.live.LiveSession;
import org.pitbox.client.live.SubscriberListener;
import org.pitbox.client.live.SubscriberStatus;
import org.pitbox.protocol.live.LiveControl;

/** A {@link SubscriberListener} that keeps what it is told, for tests to wait on. */
final class SubscriberEvents implements SubscriberListener {
    record Row(long seq, byte[] row) {
    }

    final List<Row> rows = new CopyOnWriteArrayList<>();
    final List<SubscriberStatus> statuses = new CopyOnWriteArrayList<>();
    final BlockingQueue<LiveSession> sessions = new LinkedBlockingQueue<>();
    final BlockingQueue<String> radio = new LinkedBlockingQueue<>();
    final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    final BlockingQueue<long[]> ended = new LinkedBlockingQueue<>();
    final BlockingQueue<List<LiveControl.Session>> presence = new LinkedBlockingQueue<>();
    final List<List<LiveControl.Member>> members = new CopyOnWriteArrayList<>();

    @Override
    public void status(SubscriberStatus status) {
        statuses.add(status);
    }

    @Override
    public void session(LiveSession session) {
        sessions.add(session);
    }

    @Override
    public void row(long seq, byte[] row) {
        rows.add(new Row(seq, row.clone())); // the subscriber reuses its buffer
    }

    @Override
    public void radio(long fromUserId, String fromName, String text) {
        radio.add(fromName + ": " + text);
    }

    @Override
    public void presence(List<LiveControl.Member> who, List<LiveControl.Session> sessions) {
        members.add(who);
        presence.add(sessions);
    }

    @Override
    public void ended(long lastSeq, long dropped) {
        ended.add(new long[] {lastSeq, dropped});
    }

    @Override
    public void error(String text) {
        errors.add(text);
    }

    boolean seen(SubscriberStatus.State state) {
        return statuses.stream().anyMatch(s -> s.state() == state);
    }

    /** True once a CONNECTED status followed a RECONNECTING one. */
    boolean reconnected() {
        boolean lost = false;
        for (SubscriberStatus s : statuses) {
            lost |= s.state() == SubscriberStatus.State.RECONNECTING;
            if (lost && s.state() == SubscriberStatus.State.CONNECTED) {
                return true;
            }
        }
        return false;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "no " + what + " within 30 s");
            Thread.sleep(10);
        }
    }

    static <T> T poll(BlockingQueue<T> queue, String what) throws InterruptedException {
        T t = queue.poll(30, TimeUnit.SECONDS);
        assertTrue(t != null, "no " + what + " within 30 s");
        return t;
    }
}
