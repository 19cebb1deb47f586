package org.pitbox.voice.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.engine.Enrolment;

class VoiceEvalTest {
    @TempDir
    Path dir;

    private String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VoiceEval.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scoresAFolderOfRecordings() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Espeak voice = new Espeak("en-us", 165);
        Audio.writeWav(Noise.pad(voice.say("box this lap"), 0.3), dir.resolve("box.wav"));
        Audio.writeWav(Noise.pad(new short[Audio.RATE], 0.3), dir.resolve("silence.wav"));
        Files.write(dir.resolve("expected.tsv"), List.of("# file, then what it says", "box.wav\tbox this lap",
                "silence.wav\treject"));
        String out = run("--dir", dir.toString());
        assertTrue(out.contains("| " + dir.getFileName() + " | 1 | 100.0 % | 0 | 0 | - | 100.0 % | 2 |"), out);
    }

    @Test
    void theRemarksReadToTeachPitBoxAreNoneOfTheNonCommandsScored() {
        for (String remark : Enrolment.REMARKS) {
            assertFalse(VoiceEval.NON_COMMANDS.contains(remark), remark);
            assertFalse(VoiceEval.HELD_OUT.contains(remark), remark);
        }
    }

    @Test
    void freeTtsSpeaksAtTheSpeedAsked() throws Exception {
        try (FreeTts slow = new FreeTts(120); FreeTts fast = new FreeTts(200)) {
            short[] a = slow.say("how many laps of fuel do i have");
            short[] b = fast.say("how many laps of fuel do i have");
            assertTrue(a.length > b.length * 1.3, a.length + " samples at 120 wpm, " + b.length + " at 200");
            assertTrue(b.length > Audio.RATE, "over a second of speech: " + b.length + " samples");
            assertEquals("FreeTTS kevin16 200 wpm", fast.label());
        }
    }

    @Test
    void measuresTheTimeToTheFirstSampleOfASpokenAnswer() throws Exception {
        String out = run("--speak");
        assertTrue(out.matches("(?s)\\s*speaking: recognised fuel question to the first sample of the answer \\('Fuel .*"
                + "local voice \\(FreeTTS kevin16\\) through the speech queue: first \\d+ ms \\(loads the voice\\), "
                + "then p50 \\d+ ms, p95 \\d+ ms \\(20 runs\\)\\s*"), out);
    }

    @Test
    void aBadListIsAClearErrorBeforeAnyAudio() throws Exception {
        Audio.writeWav(new short[100], dir.resolve("a.wav"));
        Files.write(dir.resolve("expected.tsv"), List.of("a.wav\tmake me a sandwich"));
        IOException notCommand = assertThrows(IOException.class, () -> run("--dir", dir.toString()));
        assertEquals(dir.resolve("expected.tsv") + " line 1: 'make me a sandwich' is not a command (voice-eval --help)",
                notCommand.getMessage());
        Files.write(dir.resolve("expected.tsv"), List.of("a.wav\treject", "../b.wav\treject"));
        IOException outside = assertThrows(IOException.class, () -> run("--dir", dir.toString()));
        assertTrue(outside.getMessage().endsWith("line 2: no WAV file '../b.wav' in " + dir), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run("--engine", "whisper"));
        assertThrows(IllegalArgumentException.class, () -> run("--dir", dir.toString(), "--strictness", "lenient"));
        assertThrows(IllegalArgumentException.class,
                () -> run("--dir", dir.toString(), "--decisions", dir.resolve("d.tsv").toString()));
        assertTrue(run("--help").startsWith("usage: pitbox voice-eval"));
    }

    @Test
    void nonCommandsAreNoCommandsAndTheHeldOutOnesAreApart() {
        CommandMatcher matcher = new CommandMatcher(CommandTable.standard());
        for (String text : VoiceEval.NON_COMMANDS) {
            assertFalse(matcher.match(text).understood(), text);
            assertFalse(VoiceEval.HELD_OUT.contains(text), text);
        }
        VoiceEval.HELD_OUT.forEach(text -> assertFalse(matcher.match(text).understood(), text));
    }

    @Test
    void noiseIsMixedAtTheAskedRatio() {
        short[] speech = new short[Audio.RATE];
        for (int i = 0; i < speech.length; i++) {
            speech[i] = (short) (3000 * Math.sin(i * 0.05));
        }
        for (Noise n : Noise.values()) {
            double[] noise = n.make(speech.length, 5);
            short[] mixed = Noise.mix(speech, noise, 10);
            double noisePower = 0;
            for (int i = 0; i < speech.length; i++) {
                noisePower += Math.pow(mixed[i] - speech[i], 2);
            }
            double snr = 10 * Math.log10(Noise.activePower(speech) / (noisePower / speech.length));
            assertEquals(10, snr, 0.1, n.name());
        }
    }
}
