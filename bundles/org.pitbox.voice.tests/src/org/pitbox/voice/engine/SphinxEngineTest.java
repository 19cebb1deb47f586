package org.pitbox.voice.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

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

    /** Fixed seeds; the engine rejects all of these and recognises all of those (voice-eval, en-us voice). */
    @Test
    void inEngineNoiseAt10DbCarTalkIsRejectedAndCommandsAreHeard() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Espeak voice = new Espeak("en-us", 165);
        List<String> talk = List.of("the car is loose on entry", "fuel feels heavy", "he pushed me off the track",
                "I need a drink", "the brakes feel soft", "the gap is closing");
        int rejected = 0;
        for (String text : talk) {
            String heard = engine.recognise(engineNoise(voice.say(text), 10, 21));
            rejected += matcher.match(heard).understood() ? 0 : 1;
        }
        assertTrue(rejected >= talk.size() - 2, rejected + " of " + talk.size() + " rejected");
        List<String> commands = List.of("box this lap", "what is my fuel level", "fast repair",
                "what is the gap behind", "how many laps of fuel", "change four tires");
        int heard = 0;
        for (String text : commands) {
            CommandMatcher.Match m = matcher.match(engine.recognise(engineNoise(voice.say(text), 10, 7)));
            heard += m.understood() && m.command().sameAs(matcher.match(text).command()) ? 1 : 0;
        }
        assertTrue(heard >= commands.size() - 2, heard + " of " + commands.size() + " heard");
    }

    private static short[] engineNoise(short[] speech, double snrDb, long seed) {
        short[] padded = Noise.pad(speech, 0.3);
        return Noise.mix(padded, Noise.ENGINE.make(padded.length, seed), snrDb);
    }

    @Test
    void theMarginGrowsAsTheNoiseRises() {
        SphinxEngine.Rejection r = new SphinxEngine.Rejection(1e-30, 1e-10, 0.5, 10000, 200, 15);
        assertEquals(10000, r.margin(45), 1e-9);
        assertEquals(10000, r.margin(30), 1e-9);
        assertEquals(12000, r.margin(20), 1e-9);
        assertEquals(14000, r.margin(10), 1e-9);
        assertEquals(14000, r.margin(-3), 1e-9);
    }

    @Test
    void strictnessMovesTheMarginAndNothingElse() {
        SphinxEngine.Rejection r = new SphinxEngine.Rejection(1e-30, 1e-10, 0.5, 10000, 200, 15);
        assertEquals(r, r.with(Strictness.NORMAL));
        assertEquals(12000 - 2000, r.with(Strictness.RELAXED).margin(20), 1e-9);
        assertEquals(12000 + 2000, r.with(Strictness.STRICT).margin(20), 1e-9);
        assertEquals(r.silentSpeech(), r.with(Strictness.STRICT).silentSpeech());
        assertEquals(Strictness.RELAXED, Strictness.named(" Relaxed"));
        assertEquals(Strictness.NORMAL, Strictness.named("lenient"));
        assertEquals(Strictness.NORMAL, Strictness.named(null));
    }

    @Test
    void aCommandNeedsALargerLeadOverThePhoneLoopInNoise() {
        Loudness quiet = loudness(30);
        Loudness noisy = loudness(3000);
        SphinxEngine.Heard loop = new SphinxEngine.Heard("", -1e6, new boolean[0]);
        double lead = SphinxEngine.Rejection.DEFAULT.margin(40) + 1000;
        SphinxEngine.Heard command = new SphinxEngine.Heard("box this lap", -1e6 + lead * quiet.frames(),
                new boolean[0]);
        assertTrue(engine.decide(command, loop, quiet).accepted(), "quiet: snr " + quiet.snr());
        assertFalse(engine.decide(command, loop, noisy).accepted(), "noisy: snr " + noisy.snr());
    }

    @Test
    void aCommandThatTakesLoudAudioForSilenceIsRejected() {
        Loudness quiet = loudness(30);
        SphinxEngine.Heard loop = new SphinxEngine.Heard("", -1e6, new boolean[0]);
        double score = -1e6 + (SphinxEngine.Rejection.DEFAULT.margin(40) + 1000) * quiet.frames();
        // the tone (frames 50 to 150) is the command's words, give or take the edges
        SphinxEngine.Heard words = new SphinxEngine.Heard("box this lap", score, silentOutside(quiet, 55, 145));
        SphinxEngine.Decision d = engine.decide(words, loop, quiet);
        assertTrue(d.accepted());
        assertEquals(5, d.silentSpeech());
        assertEquals(score + 1e6, (d.command() - d.loop()), 1e-6);
        assertEquals(quiet.frames(), d.frames());
        // half the tone taken for silence: speech the command leaves unexplained
        SphinxEngine.Heard half = new SphinxEngine.Heard("box this lap", score, silentOutside(quiet, 100, 145));
        assertEquals(50, SphinxEngine.silentSpeech(half, quiet));
        assertFalse(engine.decide(half, loop, quiet).accepted());
    }

    private static boolean[] silentOutside(Loudness audio, int from, int to) {
        boolean[] silent = new boolean[audio.frames()];
        for (int i = 0; i < silent.length; i++) {
            silent[i] = i < from || i >= to;
        }
        return silent;
    }

    /** Half a second of noise of the given level, one second of a tone at 10000, half a second of noise. */
    private static Loudness loudness(int noise) {
        Random random = new Random(3);
        short[] samples = new short[Audio.RATE * 2];
        for (int i = 0; i < samples.length; i++) {
            double tone = i >= Audio.RATE / 2 && i < Audio.RATE * 3 / 2 ? 10000 * Math.sin(i * 0.1) : 0;
            samples[i] = (short) (tone + random.nextInt(2 * noise + 1) - noise);
        }
        Loudness l = new Loudness();
        l.add(samples);
        return l;
    }

    @Test
    void theSignalToNoiseRatioIsMeasuredFromTheAudio() {
        // the tone's power 10000^2 / 2 against uniform noise's 3000^2 / 3: 12.2 dB
        assertEquals(10 * Math.log10(5e7 / 3e6), loudness(3000).snr(), 1.5);
        assertTrue(loudness(30).snr() > 40, "quiet: " + loudness(30).snr());
    }

    @Test
    void noiseAloneIsNoCommand() {
        // the key held in a car, quiet to loud, and nothing said
        for (Noise n : Noise.values()) {
            for (int seed = 11; seed <= 13; seed++) {
                for (int level : new int[] {200, 800, 3000}) {
                    double[] noise = n.make(Audio.RATE * 2, seed);
                    short[] samples = new short[noise.length];
                    for (int i = 0; i < samples.length; i++) {
                        samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, noise[i] * level));
                    }
                    String heard = engine.recognise(samples);
                    assertFalse(matcher.match(heard).understood(), n + " noise (seed " + seed + ", level " + level
                            + ") heard as '" + heard + "'");
                }
            }
        }
    }

    @Test
    void pushToTalkConfigurationHasNoSpeechDetector() throws IOException {
        String xml = SphinxEngine.pushToTalkConfig(new SphinxEngine.Rejection(1e-25, 1e-9, 0.25, Double.NaN, 0, 0));
        assertFalse(xml.contains("<item>speechClassifier"), "no speech classifier in the front end");
        assertFalse(xml.contains("<item>speechMarker"), "no speech marker in the front end");
        assertTrue(xml.contains("name=\"oogProbability\" value=\"1.00000e-25\""), "the branch probability set");
        assertTrue(xml.contains("name=\"oogLoopProbability\" value=\"1.00000e-09\""), "the per-phone one set");
        String loop = "(?s).*name=\"allphoneLinguist\".*?name=\"phoneInsertionProbability\" value=\"0.250000\".*";
        assertTrue(xml.matches(loop), "the phone loop's phone insertion probability set");
        assertTrue(xml.contains("name=\"phoneInsertionProbability\" value=\"${oogLoopProbability}\""),
                "the grammar's own out-of-grammar loop left as it was");
    }

    @Test
    void theCepstrumIsTheModelsOwnWithTheNoiseRemovalFollowingAnEngine() throws IOException {
        String xml = SphinxEngine.pushToTalkConfig(SphinxEngine.Rejection.DEFAULT);
        assertFalse(xml.contains("<item>autoCepstrum"), "the cepstrum made here, not by autoCepstrum");
        assertTrue(xml.contains("<item>melFilterBank </item><item>denoise </item><item>dct </item><item>lifter </item>"),
                "the model's steps in autoCepstrum's order");
        assertTrue(xml.contains("<property name=\"minimumFrequency\" value=\"130\"/><property"
                + " name=\"maximumFrequency\" value=\"6800\"/><property name=\"numberFilters\" value=\"25\"/>"),
                "the en-us model's 25 filters from 130 to 6800 Hz (its feat.params)");
        assertTrue(xml.contains("<property name=\"lambdaA\" value=\"0.99\"/>"), "the noise estimate's rise");
        assertTrue(xml.contains("<property name=\"lifterValue\" value=\"22\"/>"), "the model's lifter");
        Properties kaldi = new Properties();
        kaldi.setProperty("-nfilt", "40");
        kaldi.setProperty("-transform", "kaldi");
        assertThrows(IOException.class, () -> SphinxEngine.cepstrum(kaldi), "another model's front end is refused");
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
