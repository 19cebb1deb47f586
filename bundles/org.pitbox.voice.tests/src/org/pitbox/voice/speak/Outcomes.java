package org.pitbox.voice.speak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.pitbox.voice.speak.SpeechQueue.Outcome;

/** Collects a queue's outcomes in order, and waits for them. */
final class Outcomes implements SpeechQueue.Listener {
    record Done(String text, Outcome outcome, String problem) {
    }

    private final List<Done> done = new ArrayList<>();

    @Override
    public synchronized void done(Message message, Outcome outcome, String problem) {
        done.add(new Done(message.text(), outcome, problem));
        notifyAll();
    }

    /** Waits until {@code text} has an outcome other than CUT_OFF (up to 60 s), and returns it. */
    synchronized Done await(String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            for (Done d : done) {
                if (d.text().equals(text) && d.outcome() != Outcome.CUT_OFF) {
                    return d;
                }
            }
            wait(100);
        }
        throw new AssertionError("no outcome for '" + text + "' in 60 s; heard " + done);
    }

    synchronized List<Done> all() {
        return List.copyOf(done);
    }
}
