package org.pitbox.voice.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.pitbox.voice.engine.Audio;

/**
 * Synthetic speech from espeak-ng (a Debian package, run as a process): the evaluation's and the tests' voices.
 * Each voice is an espeak-ng voice name and a speed in words per minute.
 */
public record Espeak(String voice, int wordsPerMinute) implements SyntheticVoice {
    /** The evaluation's voices: American and British, male and female variants, three speeds. */
    public static final List<Espeak> VOICES = List.of(new Espeak("en-us", 165), new Espeak("en-gb+m3", 175),
            new Espeak("en-us+f3", 150));

    /** Why espeak-ng cannot be used here, or null when it can. */
    public static String unavailable() {
        try {
            Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "espeak-ng --version failed";
        } catch (IOException e) {
            return "espeak-ng is not installed (apt-get install espeak-ng)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public short[] say(String text) throws IOException, InterruptedException {
        Path wav = Files.createTempFile("pitbox-espeak", ".wav");
        try {
            Process p = new ProcessBuilder("espeak-ng", "-v", voice, "-s", Integer.toString(wordsPerMinute), "-w",
                    wav.toString(), "--", text).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("espeak-ng failed on '" + text + "': " + out.strip());
            }
            return Audio.readWav(wav);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    @Override
    public String label() {
        return voice + " " + wordsPerMinute + " wpm";
    }
}
