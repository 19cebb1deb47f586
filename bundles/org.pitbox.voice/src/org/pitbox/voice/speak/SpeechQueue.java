package org.pitbox.voice.speak;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoublePredicate;
import java.util.function.DoubleSupplier;

import org.pitbox.voice.speak.Message.Priority;

/**
 * Everything said to the driver goes through one queue, on its own thread, into one {@link AudioSink}:
 * <ul>
 * <li>URGENT messages go first, in the order made; ROUTINE ones after them, in order, and only on a straight
 * when {@link #track} says where the car is and where the straights are;</li>
 * <li>a message older than its maximum age is dropped, before it starts (a started one is finished);</li>
 * <li>speech is written in pieces of at most {@link #PIECE_BYTES} (20 ms) and checked between pieces: an URGENT
 * message cuts a playing ROUTINE one off within a piece, and so does the driver's push-to-talk
 * ({@link #duck}). A message cut off goes back to the head of the queue and is said again from its start,
 * after the urgent call or once the key is released, if it is still fresh: half a sentence is no use to a
 * driver.</li>
 * </ul>
 */
public final class SpeechQueue implements AutoCloseable {
    /** 20 ms of PCM: the longest piece written before checking for an urgent call. */
    public static final int PIECE_BYTES = PcmOutput.BYTES_PER_SECOND / 50;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** What became of a message. */
    public enum Outcome {
        SPOKEN, STALE, CUT_OFF, FAILED
    }

    /** Hears each message's outcome, on the queue's thread; {@code problem} only for FAILED. */
    @FunctionalInterface
    public interface Listener {
        void done(Message message, Outcome outcome, String problem);
    }

    private final AudioSink sink;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Message> waiting = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Voice voice;
    private volatile boolean running = true;
    private volatile boolean ducked;
    private volatile int urgentWaiting;
    private volatile DoubleSupplier lapDistance;
    private volatile DoublePredicate straight;

    public SpeechQueue(Voice voice, AudioSink sink) {
        this.voice = voice;
        this.sink = sink;
        thread = new Thread(this::run, "pitbox-speech");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a message. */
    public void say(Message m) {
        lock.lock();
        try {
            if (!running) {
                return;
            }
            waiting.addLast(m);
            count();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The voice for the next message (the local voice, or the server's). */
    public void voice(Voice next) {
        voice = next;
    }

    public Voice voice() {
        return voice;
    }

    /** While {@code held} (the driver's push-to-talk key is down) nothing plays; what was cut off comes after. */
    public void duck(boolean held) {
        ducked = held;
        signal();
    }

    /**
     * Routine messages wait until {@code straight} holds for {@code lapDistance} (0 to 1 from the line); NaN,
     * or null arguments, mean the car's place is unknown and nothing waits.
     */
    public void track(DoubleSupplier lapDistance, DoublePredicate straight) {
        this.straight = straight;
        this.lapDistance = lapDistance;
        signal();
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Messages not yet said. */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops at once (a playing message is cut off, waiting ones are forgotten) and closes the sink. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            waiting.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        try {
            while (running) {
                Message m = next();
                if (m != null) {
                    play(m);
                }
            }
        } finally {
            sink.close();
        }
    }

    /** The next message to play, waiting for one; null when closing. */
    private Message next() {
        List<Message> stale = new ArrayList<>();
        Message m = null;
        lock.lock();
        try {
            while (running && m == null) {
                long now = System.nanoTime();
                for (Iterator<Message> i = waiting.iterator(); i.hasNext();) {
                    Message w = i.next();
                    if (w.stale(now)) {
                        i.remove();
                        stale.add(w);
                    }
                }
                m = ducked ? null : pick();
                if (m != null) {
                    waiting.remove(m);
                    count();
                } else if (stale.isEmpty()) {
                    changed.awaitNanos(POLL_NANOS);
                } else {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
        stale.forEach(s -> tell(s, Outcome.STALE, null));
        return running ? m : null;
    }

    /** The first urgent message, else the first routine one if the car is on a straight (or nobody knows). */
    private Message pick() {
        for (Message w : waiting) {
            if (w.priority() == Priority.URGENT) {
                return w;
            }
        }
        return waiting.isEmpty() || !onStraight() ? null : waiting.peekFirst();
    }

    private boolean onStraight() {
        DoubleSupplier d = lapDistance;
        DoublePredicate s = straight;
        if (d == null || s == null) {
            return true;
        }
        double at = d.getAsDouble();
        return Double.isNaN(at) || s.test(at);
    }

    private void count() {
        urgentWaiting = (int) waiting.stream().filter(w -> w.priority() == Priority.URGENT).count();
    }

    private void play(Message m) {
        Playing p = new Playing(m);
        try {
            sink.open();
            voice.speak(m.text(), p);
            if (p.failure != null) {
                throw p.failure;
            }
        } catch (VoiceException | IOException | RuntimeException e) {
            sink.flush();
            tell(m, Outcome.FAILED, e.getMessage());
            return;
        }
        if (!p.cut) {
            sink.drain();
            tell(m, Outcome.SPOKEN, null);
            return;
        }
        sink.flush();
        lock.lock();
        try {
            if (running) {
                waiting.addFirst(m);
                count();
            }
        } finally {
            lock.unlock();
        }
        tell(m, Outcome.CUT_OFF, null);
    }

    private void tell(Message m, Outcome o, String problem) {
        listeners.forEach(l -> l.done(m, o, problem));
    }

    /** One message's speech on its way to the sink, in pieces, stopping when something more important comes. */
    private final class Playing implements PcmOutput {
        private final Message message;
        private volatile boolean cut;
        private volatile IOException failure;

        Playing(Message message) {
            this.message = message;
        }

        @Override
        public boolean write(byte[] pcm, int offset, int length) {
            for (int at = 0; at < length; at += PIECE_BYTES) {
                if (failure != null || mustStop()) {
                    cut = failure == null;
                    return false;
                }
                try {
                    sink.write(pcm, offset + at, Math.min(PIECE_BYTES, length - at));
                } catch (IOException e) {
                    failure = e;
                    return false;
                }
            }
            return true;
        }

        private boolean mustStop() {
            return !running || ducked || message.priority() == Priority.ROUTINE && urgentWaiting > 0;
        }
    }
}
