package org.pitbox.voice.speak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pitbox.voice.speak.Message.Priority;
import org.pitbox.voice.speak.SpeechQueue.Outcome;

/** The speech queue with the real local voice, playing into a test sink. */
class SpeechQueueTest {
    static final String LONG = "Your last lap was one minute thirty two point four, two tenths off your best. "
            + "Fuel is good for eleven more laps, and the car behind is two seconds back.";
    private static LocalVoice voice;

    @BeforeAll
    static void load() {
        voice = new LocalVoice();
    }

    @AfterAll
    static void close() {
        voice.close();
    }

    /** What the local voice makes of {@code text}, said on its own. */
    static byte[] pcm(Voice v, String text) throws VoiceException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.speak(text, (b, o, l) -> {
            out.write(b, o, l);
            return true;
        });
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Where {@code part} starts in {@code all} at or after {@code from}, in bytes; -1 when it is not there. */
    static int find(byte[] all, byte[] part, int from) {
        for (int i = from; i + part.length <= all.length; i += 2) {
            if (Arrays.equals(all, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private static Message routine(String text) {
        return Message.routine(text, Duration.ofMinutes(1));
    }

    @Test
    void messagesPlayInOrderAndComplete() throws Exception {
        byte[] a = pcm(voice, "Fuel twelve liters.");
        byte[] b = pcm(voice, "Gap behind one point two seconds.");
        TestSink sink = new TestSink(false);
        Outcomes outcomes = new Outcomes();
        try (SpeechQueue q = new SpeechQueue(voice, sink)) {
            q.addListener(outcomes);
            q.say(routine("Fuel twelve liters."));
            q.say(routine("Gap behind one point two seconds."));
            outcomes.await("Gap behind one point two seconds.");
        }
        assertArrayEquals(concat(a, b), sink.bytes(), "both messages, whole and in order");
        assertTrue(sink.pieces().stream().allMatch(p -> p.samples() <= SpeechQueue.PIECE_BYTES / 2),
                "written in pieces of 20 ms at most");
        assertEquals(List.of(Outcome.SPOKEN, Outcome.SPOKEN), outcomes.all().stream().map(Outcomes.Done::outcome).toList());
        assertTrue(sink.closed(), "closing the queue closes the sink");
    }

    @Test
    void urgentCallsGoBeforeWaitingRoutineOnes() throws Exception {
        byte[] r = pcm(voice, "Radio check.");
        byte[] u = pcm(voice, "Yellow flag.");
        TestSink sink = new TestSink(false);
        Outcomes outcomes = new Outcomes();
        try (SpeechQueue q = new SpeechQueue(voice, sink)) {
            q.addListener(outcomes);
            q.duck(true);
            q.say(routine("Radio check."));
            q.say(Message.urgent("Yellow flag.", Duration.ofMinutes(1)));
            q.duck(false);
            outcomes.await("Radio check.");
        }
        assertArrayEquals(concat(u, r), sink.bytes(), "the urgent call first");
    }

    @Test
    void anUrgentCallCutsOffARoutineOneWithin100Ms() throws Exception {
        byte[] r = pcm(voice, LONG);
        byte[] u = pcm(voice, "Red flag, red flag.");
        TestSink sink = new TestSink(true);
        Outcomes outcomes = new Outcomes();
        long before;
        try (SpeechQueue q = new SpeechQueue(voice, sink)) {
            q.addListener(outcomes);
            q.say(routine(LONG));
            sink.await(8000);
            sink.hold();
            before = sink.samples();
            q.say(Message.urgent("Red flag, red flag.", Duration.ofMinutes(1)));
            sink.release();
            outcomes.await(LONG);
        }
        byte[] all = sink.bytes();
        int urgentAt = find(all, u, 0);
        assertTrue(urgentAt > 0, "the urgent call is in the sink, whole");
        assertArrayEquals(Arrays.copyOf(r, urgentAt), Arrays.copyOf(all, urgentAt), "the routine message until cut off");
        long late = urgentAt / 2 - before;
        assertTrue(late <= 1600, "routine samples after the urgent call came: " + late + " (100 ms = 1600)");
        assertArrayEquals(concat(Arrays.copyOf(all, urgentAt), u, r), all,
                "after the urgent call the routine message is said again from its start");
        assertEquals(List.of(Outcome.CUT_OFF, Outcome.SPOKEN, Outcome.SPOKEN),
                outcomes.all().stream().map(Outcomes.Done::outcome).toList());
    }

    @Test
    void staleMessagesAreDropped() throws Exception {
        byte[] fresh = pcm(voice, "Box this lap.");
        TestSink sink = new TestSink(false);
        Outcomes outcomes = new Outcomes();
        try (SpeechQueue q = new SpeechQueue(voice, sink)) {
            q.addListener(outcomes);
            q.say(new Message("Old news.", Priority.ROUTINE, System.nanoTime() - 10_000_000_000L, Duration.ofSeconds(5)));
            q.say(routine("Box this lap."));
            assertEquals(Outcome.STALE, outcomes.await("Old news.").outcome());
            outcomes.await("Box this lap.");
        }
        assertArrayEquals(fresh, sink.bytes(), "only the fresh message is heard");
    }

    @Test
    void pushToTalkDucksEverythingAndTheCutMessageComesAfter() throws Exception {
        byte[] r = pcm(voice, LONG);
        TestSink sink = new TestSink(true);
        Outcomes outcomes = new Outcomes();
        try (SpeechQueue q = new SpeechQueue(voice, sink)) {
            q.addListener(outcomes);
            q.say(routine(LONG));
            sink.await(4000);
            sink.hold();
            q.duck(true);
            long cut = sink.samples();
            sink.release();
            Thread.sleep(300);
            long ducked = sink.samples();
            assertTrue(ducked - cut <= SpeechQueue.PIECE_BYTES / 2, "at most the piece being written: " + (ducked - cut));
            q.say(routine("Copy."));
            Thread.sleep(300);
            assertEquals(ducked, sink.samples(), "nothing plays while the key is down");
            q.duck(false);
            outcomes.await("Copy.");
        }
        byte[] all = sink.bytes();
        int again = find(all, r, 2);
        assertTrue(again > 0, "the message cut off is said again, whole");
        assertEquals(pcm(voice, "Copy.").length, all.length - again - r.length, "then the next one");
    }

    @Test
    void routineMessagesWaitForAStraightButNotPastTheirAge() throws Exception {
        AtomicReference<Double> at = new AtomicReference<>(0.7);
        TestSink sink = new TestSink(false);
        Outcomes outcomes = new Outcomes();
        try (SpeechQueue q = new SpeechQueue(voice, sink)) {
            q.addListener(outcomes);
            q.track(at::get, d -> d < 0.5);
            q.say(Message.routine("Too late.", Duration.ofMillis(300)));
            q.say(routine("On the straight."));
            q.say(Message.urgent("Pit limiter!", Duration.ofMinutes(1)));
            outcomes.await("Pit limiter!");
            assertEquals(Outcome.STALE, outcomes.await("Too late.").outcome(), "dropped after waiting its age");
            assertEquals(1, q.waiting(), "the fresh one still waits for a straight");
            at.set(0.2);
            outcomes.await("On the straight.");
        }
        assertArrayEquals(concat(pcm(voice, "Pit limiter!"), pcm(voice, "On the straight.")), sink.bytes());
    }

    @Test
    void withoutASoundDeviceEachMessageFailsWithAClearReason() throws Exception {
        JavaSoundSink device = new JavaSoundSink();
        boolean none;
        try {
            device.open();
            none = false;
        } catch (IOException e) {
            none = true;
        } finally {
            device.close();
        }
        assumeTrue(none, "skipped: this machine has a sound device");
        Outcomes outcomes = new Outcomes();
        try (SpeechQueue q = new SpeechQueue(voice, new JavaSoundSink())) {
            q.addListener(outcomes);
            q.say(routine("Hello."));
            Outcomes.Done d = outcomes.await("Hello.");
            assertEquals(Outcome.FAILED, d.outcome());
            assertTrue(d.problem().startsWith("No sound output for the voice"), d.problem());
        }
    }
}
