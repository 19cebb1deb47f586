package org.pitbox.voice.speak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.voice.answer.Conversation;
import org.pitbox.voice.answer.LiveFacts;
import org.pitbox.voice.answer.Reply;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.command.Intent;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.engine.SphinxEngine;
import org.pitbox.voice.eval.Espeak;
import org.pitbox.voice.eval.Noise;
import org.pitbox.voice.speak.SpeechQueue.Outcome;

/**
 * Without a microphone: a WAV of a spoken question, the recogniser, the answer from a simulated race, the local
 * voice, the speech queue and a test sink, all real.
 */
class SpeakEndToEndTest {
    private static LocalVoice voice;
    private static SphinxEngine engine;
    private static final LiveFacts FACTS = new LiveFacts();

    @BeforeAll
    static void load() throws Exception {
        voice = new LocalVoice();
        engine = new SphinxEngine(CommandTable.standard());
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withLaps(4).withSeed(7));
        Frame frame = new Frame(r.layout());
        for (int i = 0; i < r.recordCount(); i++) {
            frame.row().put(0, r.rows(), r.rowStart(i), r.layout().rowLength());
            frame.setTick(i);
            FACTS.update(frame);
        }
    }

    @AfterAll
    static void close() {
        engine.close();
        voice.close();
    }

    /** {@code text} said by the local voice, written as a WAV file as a microphone recording would be. */
    private static Path wav(String text, Path dir) throws Exception {
        byte[] pcm = SpeechQueueTest.pcm(voice, text);
        short[] samples = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        Path file = dir.resolve("question.wav");
        Audio.writeWav(samples, file);
        return file;
    }

    private static Reply ask(short[] utterance) {
        return ask(new Conversation(CommandTable.standard(), FACTS::facts), utterance);
    }

    private static Reply ask(Conversation talk, short[] utterance) {
        return talk.hear(engine.recognise(Noise.pad(utterance, 0.3)));
    }

    @Test
    void aSpokenFuelQuestionIsAnsweredInTheDriversEar(@TempDir Path dir) throws Exception {
        Reply reply = ask(Audio.readWav(wav("how much fuel do I have", dir)));
        assertEquals(Intent.FUEL_LEVEL, reply.topic(), reply.text());
        assertTrue(reply.text().matches("Fuel \\d+\\.\\d liters, \\d+\\.\\d laps\\."), reply.text());
        byte[] expected = SpeechQueueTest.pcm(voice, reply.text());
        TestSink sink = new TestSink(false);
        Outcomes outcomes = new Outcomes();
        try (SpeechQueue q = new SpeechQueue(voice, sink)) {
            q.addListener(outcomes);
            q.say(Message.routine(reply.text(), Duration.ofSeconds(10)));
            assertEquals(Outcome.SPOKEN, outcomes.await(reply.text()).outcome());
        }
        assertArrayEquals(expected, sink.bytes(), "the answer's PCM, in order and complete");
        long at = 0;
        for (TestSink.Piece p : sink.pieces()) {
            assertEquals(at, p.at(), "no gap and no overlap");
            at += p.samples();
        }
    }

    @Test
    void anEspeakVoiceAsksToo() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Reply reply = ask(new Espeak("en-us", 165).say("how many laps of fuel"));
        assertEquals(Intent.LAPS_OF_FUEL, reply.topic(), reply.text());
    }

    @Test
    void fuelCriticalCutsOffTheAnswerAndTheAnswerComesAgain(@TempDir Path dir) throws Exception {
        Conversation talk = new Conversation(CommandTable.standard(), FACTS::facts);
        Reply reply = ask(talk, Audio.readWav(wav("what is my fuel level", dir)));
        assertEquals(Intent.FUEL_LEVEL, reply.topic(), reply.text());
        String answer = reply.text() + " " + talk.hear("more").text();
        Frame noChannels = new Frame(ChannelLayout.packed(
                List.of(new ChannelDescriptor("SessionTime", ChannelType.DOUBLE, 1, false, "s", "", 0))));
        List<String> calls = new UrgentCalls().update(noChannels, 1.2);
        assertEquals(1, calls.size());
        byte[] routine = SpeechQueueTest.pcm(voice, answer);
        byte[] urgent = SpeechQueueTest.pcm(voice, calls.get(0));
        TestSink sink = new TestSink(true);
        Outcomes outcomes = new Outcomes();
        long before;
        try (SpeechQueue q = new SpeechQueue(voice, sink)) {
            q.addListener(outcomes);
            q.say(Message.routine(answer, Duration.ofSeconds(30)));
            sink.await(6000);
            sink.hold();
            before = sink.samples();
            q.say(Message.urgent(calls.get(0), Duration.ofSeconds(5)));
            sink.release();
            outcomes.await(answer);
        }
        byte[] all = sink.bytes();
        int cut = SpeechQueueTest.find(all, urgent, 0);
        assertTrue(cut / 2 - before <= 1600, "cut off within 100 ms of sink time: " + (cut / 2 - before) + " samples");
        ByteArrayOutputStream heard = new ByteArrayOutputStream();
        heard.write(routine, 0, cut);
        heard.writeBytes(urgent);
        heard.writeBytes(routine);
        assertArrayEquals(heard.toByteArray(), all, "part of the answer, the whole call, the whole answer again");
    }
}
