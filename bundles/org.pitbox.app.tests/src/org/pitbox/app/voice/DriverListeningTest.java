package org.pitbox.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.team.TeamSettings;
import org.pitbox.voice.command.CommandMatcher.Match;
import org.pitbox.voice.command.Intent;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.eval.Espeak;
import org.pitbox.voice.eval.Noise;
import org.pitbox.voice.ptt.PttButton;

/** Push-to-talk without a microphone, as the demo runs it: a recording heard through Sphinx4 and the matcher. */
class DriverListeningTest {
    @TempDir
    Path dir;

    static final class MemorySettings implements TeamSettings {
        private final Map<String, String> values = new HashMap<>();

        @Override
        public synchronized String get(String key, String defaultValue) {
            return values.getOrDefault(key, defaultValue);
        }

        @Override
        public synchronized void put(String key, String value) {
            values.put(key, value);
        }
    }

    @Test
    void aRecordedQuestionIsHeardAsItsCommand() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Path wav = dir.resolve("fuel.wav");
        Audio.writeWav(Noise.pad(new Espeak("en-us", 165).say("what is my fuel level"), 0.2), wav);

        MemorySettings settings = new MemorySettings();
        DriverListening listening = new DriverListening(settings);
        CompletableFuture<Match> heard = new CompletableFuture<>();
        listening.addListener(new DriverListening.Listener() {
            @Override
            public void heard(String words, Match match, short[] audio) {
                heard.complete(match);
            }
        });
        try {
            assertThrows(IllegalStateException.class, () -> listening.hear(wav), "off until started");
            listening.startWithoutMicrophone();
            DriverListening.State state = listening.state();
            assertTrue(state.on(), String.valueOf(state));
            assertEquals("Sphinx4 (built in)", state.engine());
            assertEquals("No push-to-talk button bound: bind one in the Voice settings", state.problem());
            listening.hear(wav);
            Match match = heard.get(30, TimeUnit.SECONDS);
            assertTrue(match.understood());
            assertEquals(Intent.FUEL_LEVEL, match.command().intent());
        } finally {
            listening.dispose();
        }
        assertFalse(listening.state().on());
    }

    @Test
    void voskWithoutAModelFallsBackToSphinxAndSaysSo() {
        MemorySettings settings = new MemorySettings();
        settings.put(DriverListening.BUTTON, PttButton.controller("Wheel", 2).encode());
        DriverListening listening = new DriverListening(settings);
        listening.chooseEngine(DriverListening.VOSK, dir.resolve("no-model"));
        try {
            listening.startWithoutMicrophone();
            DriverListening.State state = listening.state();
            assertTrue(state.on());
            assertEquals("Sphinx4 (built in)", state.engine());
            assertTrue(state.problem().startsWith("Vosk could not start (no Vosk model installed)"), state.problem());
            assertEquals("Wheel, button 3", state.button().label());
        } finally {
            listening.dispose();
        }
    }
}
