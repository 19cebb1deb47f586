package org.pitbox.voice.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.eval.Espeak;
import org.pitbox.voice.eval.Noise;

/**
 * Teaching Sphinx4 a voice (espeak-ng reads the phrases): the profile learned, saved, loaded, put in use and taken
 * out again. An engine of its own: what it hears moves Sphinx4's live cepstral mean for the next utterance.
 */
class SphinxTeachingTest {
    private static SphinxEngine engine;
    private final CommandMatcher matcher = new CommandMatcher(CommandTable.standard());

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        engine = new SphinxEngine(CommandTable.standard());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aVoiceIsLearnedSavedLoadedAndUsed() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Espeak voice = new Espeak("en-gb+m3", 175);
        List<String> read = Enrolment.phrases(CommandTable.standard());
        List<short[]> readings = new ArrayList<>();
        for (String p : read) {
            readings.add(Noise.pad(voice.say(p), 0.3));
        }
        // one reading of another phrase than shown: left out, not learned from
        List<String> said = new ArrayList<>(read);
        said.set(0, "box this lap");
        List<short[]> remarks = new ArrayList<>();
        for (String r : Enrolment.REMARKS) {
            remarks.add(Noise.pad(voice.say(r), 0.3));
        }
        float[][] shipped = means();
        Path file = dir.resolve("voice").resolve("sphinx4-profile.txt");
        try {
            VoiceProfile p = Enrolment.teach(engine, readings, said, remarks, file);
            assertFalse(p.phrases().contains("box this lap"), p.phrases().toString());
            assertEquals(Enrolment.REMARKS, p.remarks());
            assertEquals(Enrolment.REMARKS.size(), p.quiet().remarks().length);
            assertEquals(Enrolment.REMARKS.size(), p.noisy().remarks().length);
            assertTrue(p.quiet().commands().length >= p.phrases().size() / 2, p.quiet().toString());
            assertEquals(Enrolment.marginShift(p.quiet(), p.noisy()), p.marginShift(), "the shift the leads set");
            assertTrue(Math.abs(p.marginShift()) <= Enrolment.MOST_SHIFT, p.toString());
            assertTrue(p.phrases().size() >= read.size() / 2, p.phrases().toString());
            assertEquals(3, p.a().length, "the en-us model's three feature streams");
            assertEquals(p, VoiceProfile.load(file));
            assertEquals(p, engine.profile());
            assertFalse(sameMeans(shipped, means()), "the means moved");
            int heard = 0;
            List<String> commands = List.of("what is the gap behind", "add forty five liters", "box this lap");
            for (String command : commands) {
                CommandMatcher.Match m = matcher.match(engine.recognise(Noise.pad(voice.say(command), 0.3)));
                heard += m.understood() && m.command().sameAs(matcher.match(command).command()) ? 1 : 0;
            }
            assertTrue(heard >= 2, heard + " of " + commands.size() + " commands heard with the profile");
            engine.use(null);
            assertTrue(sameMeans(shipped, means()), "back to the model as shipped");
            assertTrue(Enrolment.useSaved(engine, file));
            assertEquals(p, engine.profile());
            assertFalse(Enrolment.useSaved(engine, dir.resolve("none.txt")));
            Files.writeString(file, "damaged");
            assertFalse(Enrolment.useSaved(engine, file));
            assertNotNull(engine.profile(), "a damaged file changes nothing");
        } finally {
            engine.use(null);
        }
    }

    @Test
    void tooLittleSpeechHeardAsReadTeachesNothing() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        short[] one = Noise.pad(new Espeak("en-us", 165).say("fuel level"), 0.3);
        assertThrows(IllegalArgumentException.class, () -> engine.teach(List.of(one), List.of("fuel level")));
        assertThrows(IllegalArgumentException.class, () -> engine.teach(List.of(one), List.of()));
        assertEquals(null, engine.profile());
    }

    @Test
    void aProfileForAnotherModelIsRefused() {
        VoiceProfile other = VoiceProfileTest.profile(0);
        assertThrows(IllegalArgumentException.class, () -> engine.use(other));
    }

    private static float[][] means() {
        var pool = engine.commandLoader().getMeansPool();
        float[][] out = new float[pool.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = pool.get(i).clone();
        }
        return out;
    }

    private static boolean sameMeans(float[][] a, float[][] b) {
        for (int i = 0; i < a.length; i++) {
            if (!java.util.Arrays.equals(a[i], b[i])) {
                return false;
            }
        }
        assertArrayEquals(a[0], b[0]);
        return true;
    }
}
