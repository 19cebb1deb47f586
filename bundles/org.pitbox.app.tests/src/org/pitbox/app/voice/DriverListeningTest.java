package org.pitbox.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.team.MemorySettings;
import org.pitbox.core.sim.SimulatorSource;
import org.pitbox.voice.command.CommandMatcher.Match;
import org.pitbox.voice.command.Intent;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.eval.Espeak;
import org.pitbox.voice.eval.Noise;
import org.pitbox.voice.ptt.PttButton;
import org.pitbox.voice.speak.LocalVoice;
import org.pitbox.voice.speak.SpeechQueue.Outcome;

/**
 * Push-to-talk without a microphone, as the demo runs it: a recorded question heard through Sphinx4 and the
 * matcher, answered from the simulator's fuel figures and spoken in the local voice into a sink.
 */
class DriverListeningTest {
    @TempDir
    Path dir;

    private final ActiveFeed feed = new ActiveFeed();
    private final MemorySettings settings = new MemorySettings();
    private final VoiceFixtures.Sink sink = new VoiceFixtures.Sink();
    private LocalVoice localVoice;
    private DriverVoice voice;
    private DriverListening listening;

    @BeforeEach
    void start() {
        localVoice = new LocalVoice();
        voice = new DriverVoice(feed, VoiceFixtures.team(feed), localVoice, sink);
        listening = new DriverListening(settings, voice);
    }

    @AfterEach
    void stop() {
        listening.dispose();
        voice.close(); // closes the local voice too
        feed.stop();
    }

    @Test
    void aRecordedFuelQuestionIsHeardAndAnsweredAloud() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Path wav = dir.resolve("fuel.wav");
        Audio.writeWav(Noise.pad(new Espeak("en-us", 165).say("what is my fuel level"), 0.2), wav);
        feed.start(new SimulatorSource(), null);
        CompletableFuture<Match> heard = new CompletableFuture<>();
        CompletableFuture<String> spoken = new CompletableFuture<>();
        listening.addListener(new DriverListening.Listener() {
            @Override
            public void heard(String words, Match match, short[] audio) {
                heard.complete(match);
            }
        });
        voice.addListener((m, outcome, problem) -> {
            if (outcome == Outcome.SPOKEN) {
                spoken.complete(m.text());
            }
        });

        assertThrows(IllegalStateException.class, () -> listening.hear(wav), "off until started");
        listening.startWithoutMicrophone();
        DriverListening.State state = listening.state();
        assertTrue(state.on(), String.valueOf(state));
        assertEquals("Sphinx4 (built in)", state.engine());
        assertEquals("No push-to-talk button bound: bind one in the Voice settings", state.problem());
        Thread.sleep(1000); // the simulator's first laps give the fuel figures
        listening.hear(wav);
        Match match = heard.get(30, TimeUnit.SECONDS);
        assertTrue(match.understood());
        assertEquals(Intent.FUEL_LEVEL, match.command().intent());
        String answer = spoken.get(30, TimeUnit.SECONDS);
        assertTrue(answer.startsWith("Fuel "), answer);
        assertTrue(sink.pcm.size() > 16_000, "a second of speech or more: " + sink.pcm.size() + " bytes");
        listening.stop();
        assertFalse(listening.state().on());
    }

    @Test
    void voskWithoutAModelFallsBackToSphinxAndSaysSo() {
        settings.put(DriverListening.BUTTON, PttButton.controller("Wheel", 2).encode());
        listening.chooseEngine(DriverListening.VOSK, dir.resolve("no-model"));
        listening.startWithoutMicrophone();
        DriverListening.State state = listening.state();
        assertTrue(state.on());
        assertEquals("Sphinx4 (built in)", state.engine());
        assertTrue(state.problem().startsWith("Vosk could not start (no Vosk model installed)"), state.problem());
        assertEquals("Wheel, button 3", state.button().label());
    }
}
