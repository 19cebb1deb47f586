package org.pitbox.voice.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.command.Intent;
import org.pitbox.voice.eval.Espeak;
import org.pitbox.voice.eval.Noise;

/** Real speech (espeak-ng) through the real recogniser and matcher; one engine for the class (it loads in seconds). */
class SphinxEngineTest {
    private static SphinxEngine engine;
    private final CommandMatcher matcher = new CommandMatcher(CommandTable.standard());

    @BeforeAll
    static void load() throws IOException {
        engine = new SphinxEngine(CommandTable.standard());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void spokenCommandsAreRecognised() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Espeak voice = new Espeak("en-us", 165);
        Map<String, Intent> commands = Map.of("what is my fuel level", Intent.FUEL_LEVEL,
                "box this lap", Intent.BOX_THIS_LAP, "how many laps of fuel", Intent.LAPS_OF_FUEL,
                "fast repair", Intent.PIT_FAST_REPAIR, "what is the gap behind", Intent.GAP_BEHIND);
        for (var c : commands.entrySet()) {
            String heard = engine.recognise(Noise.pad(voice.say(c.getKey()), 0.3));
            CommandMatcher.Match m = matcher.match(heard);
            assertTrue(m.understood(), c.getKey() + ": heard '" + heard + "'");
            assertEquals(c.getValue(), m.command().intent(), c.getKey() + ": heard '" + heard + "'");
        }
    }

    @Test
    void audioHeardInChunksWhileSpeakingIsRecognised() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        short[] audio = Noise.pad(new Espeak("en-us", 165).say("add twenty liters of fuel"), 0.3);
        SpeechEngine.Utterance u = engine.start();
        int chunk = Audio.RATE / 50;
        for (int at = 0; at < audio.length; at += chunk) {
            u.hear(Arrays.copyOfRange(audio, at, Math.min(audio.length, at + chunk)));
        }
        String heard = u.finish();
        assertEquals("add twenty liters of fuel", heard);
        assertEquals(heard, engine.recognise(audio), "the same words heard at once");
    }

    @Test
    void carTalkThatIsNoCommandIsRejected() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Espeak voice = new Espeak("en-us", 165);
        for (String text : List.of("the car is loose on entry", "fuel feels heavy", "box is busy")) {
            String heard = engine.recognise(Noise.pad(voice.say(text), 0.3));
            assertFalse(matcher.match(heard).understood(), text + ": heard '" + heard + "'");
        }
    }

    @Test
    void noiseAloneIsNoCommand() {
        for (Noise n : Noise.values()) {
            double[] noise = n.make(Audio.RATE * 2, 11);
            short[] samples = new short[noise.length];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (noise[i] * 800);
            }
            String heard = engine.recognise(samples);
            assertFalse(matcher.match(heard).understood(), n + " noise heard as '" + heard + "'");
        }
    }

    @Test
    void pushToTalkConfigurationHasNoSpeechDetector() throws IOException {
        String xml = SphinxEngine.pushToTalkConfig(new SphinxEngine.Rejection(1e-25, 1e-9, 0));
        assertFalse(xml.contains("<item>speechClassifier"), "no speech classifier in the front end");
        assertFalse(xml.contains("<item>speechMarker"), "no speech marker in the front end");
        assertTrue(xml.contains("name=\"oogProbability\" value=\"1.00000e-25\""), "the branch probability set");
        assertTrue(xml.contains("name=\"oogLoopProbability\" value=\"1.00000e-09\""), "the per-phone one set");
    }

    @Test
    void theNoiseFloorStaysUnderItsLevel() {
        short[] in = {0, 0, Short.MAX_VALUE, Short.MIN_VALUE, 100};
        short[] out = new SphinxEngine.Floor().add(in);
        for (int i = 0; i < in.length; i++) {
            assertTrue(Math.abs(out[i] - in[i]) < SphinxEngine.FLOOR, i + ": " + out[i]);
        }
    }
}
