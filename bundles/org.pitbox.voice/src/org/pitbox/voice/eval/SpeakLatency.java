package org.pitbox.voice.eval;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.voice.answer.Conversation;
import org.pitbox.voice.answer.LiveFacts;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.speak.AudioSink;
import org.pitbox.voice.speak.LocalVoice;
import org.pitbox.voice.speak.Message;
import org.pitbox.voice.speak.SpeechQueue;

/**
 * The time from a recognised fuel question to the first sample of its spoken answer: the answer computed from a
 * simulated race, said by the local voice through the speech queue into a sink that notes its first write. The
 * first question also loads the voice; the rest show the steady figure.
 */
final class SpeakLatency {
    static final int RUNS = 20;

    private SpeakLatency() {
    }

    static void report(PrintStream out) throws Exception {
        LiveFacts facts = new LiveFacts();
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withLaps(3).withSeed(7));
        Frame frame = new Frame(r.layout());
        for (int i = 0; i < r.recordCount(); i++) {
            frame.row().put(0, r.rows(), r.rowStart(i), r.layout().rowLength());
            facts.update(frame);
        }
        CommandTable table = CommandTable.standard();
        Conversation talk = new Conversation(table, facts::facts);
        CommandMatcher.Match question = new CommandMatcher(table).match("how much fuel do i have");
        FirstSample sink = new FirstSample();
        Semaphore done = new Semaphore(0);
        double[] ms = new double[RUNS + 1];
        String answer = null;
        try (LocalVoice voice = new LocalVoice(); SpeechQueue queue = new SpeechQueue(voice, sink)) {
            queue.addListener((m, outcome, problem) -> done.release());
            for (int i = 0; i <= RUNS; i++) {
                sink.first = 0;
                long start = System.nanoTime();
                answer = talk.hear(question).text();
                queue.say(Message.routine(answer, Duration.ofSeconds(10)));
                if (!done.tryAcquire(60, TimeUnit.SECONDS) || sink.first == 0) {
                    throw new IllegalStateException("the local voice said nothing for '" + answer + "'");
                }
                ms[i] = (sink.first - start) / 1e6;
            }
        }
        double[] steady = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(steady);
        out.printf(Locale.ROOT, "%nspeaking: recognised fuel question to the first sample of the answer ('%s'), %s"
                + " through the speech queue: first %.0f ms (loads the voice), then p50 %.0f ms, p95 %.0f ms (%d runs)%n",
                answer, "local voice (FreeTTS kevin16)", ms[0], steady[(int) Math.ceil(0.5 * RUNS) - 1],
                steady[(int) Math.ceil(0.95 * RUNS) - 1], RUNS);
    }

    /** Notes when the first sample of a message arrives; plays nothing. */
    private static final class FirstSample implements AudioSink {
        volatile long first;

        @Override
        public void open() {
        }

        @Override
        public void write(byte[] pcm, int offset, int length) {
            if (first == 0) {
                first = System.nanoTime();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void drain() {
        }

        @Override
        public void close() {
        }
    }
}
