package org.pitbox.app.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pitbox.app.team.DemoServerProcess.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.ClipPlayer;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.live.RadioClip;
import org.pitbox.app.team.DemoServerProcess;
import org.pitbox.app.team.MemorySettings;
import org.pitbox.app.team.MemoryStore;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.core.sim.SimulatorSource;
import org.pitbox.voice.command.CommandMatcher.Match;
import org.pitbox.voice.command.Intent;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.eval.Espeak;
import org.pitbox.voice.eval.Noise;
import org.pitbox.voice.speak.AudioSink;
import org.pitbox.voice.speak.LocalVoice;

/**
 * "Tell the engineer" from a WAV file, through Sphinx4 and the driver's live session on the demo server, reaches
 * the engineer watching as a clip of the same samples, which plays into the engineer's sink; with no sound device
 * playing says so.
 */
class RadioClipEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void theDriversRadioReachesTheEngineerAsTheSameSamples() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Path wav = dir.resolve("radio.wav");
        Audio.writeWav(Noise.pad(new Espeak("en-us", 165).say("tell the engineer"), 0.2), wav);
        short[] samples = Audio.readWav(wav);

        DemoServerProcess server = DemoServerProcess.start("radio-clip");
        ActiveFeed feed = new ActiveFeed();
        TeamSession team = new TeamSession(feed, new MemoryStore(), new MemorySettings());
        DriverVoice voice = new DriverVoice(feed, team, new LocalVoice(), new VoiceFixtures.Sink());
        DriverListening listening = new DriverListening(new MemorySettings(), voice);
        TeamSession engineerSide = new TeamSession(new ActiveFeed(), new MemoryStore(), new MemorySettings());
        LiveBoard board = new LiveBoard();
        VoiceFixtures.Sink engineerEar = new VoiceFixtures.Sink();
        EngineerLive engineer = new EngineerLive(board, engineerEar);
        CompletableFuture<RadioClip> clip = new CompletableFuture<>();
        engineer.addListener(new EngineerLive.Listener() {
            @Override
            public void changed(EngineerLive.Change change) {
            }

            @Override
            public void radioClip(RadioClip c) {
                clip.complete(c);
            }
        });
        CompletableFuture<Match> heard = new CompletableFuture<>();
        listening.addListener(new DriverListening.Listener() {
            @Override
            public void heard(String words, Match match, short[] audio) {
                heard.complete(match);
            }
        });
        try {
            team.signIn(server.base(), DemoServerProcess.DRIVER, DemoServerProcess.PASSWORD).get(30, TimeUnit.SECONDS);
            feed.start(new SimulatorSource(), null);
            team.startStreaming(feed.feed(), Bandwidth.FULL);
            engineerSide.signIn(server.base(), DemoServerProcess.ENGINEER, DemoServerProcess.PASSWORD)
                    .get(30, TimeUnit.SECONDS);
            engineer.watch(engineerSide.client(), engineerSide.team(), team.sessionKey());
            await(() -> board.active() && board.rows() > 0, 30, "the engineer's board takes rows");

            listening.startWithoutMicrophone();
            listening.hear(wav);
            assertEquals(Intent.RADIO, heard.get(60, TimeUnit.SECONDS).command().intent(), "heard as radio");
            RadioClip got = clip.get(30, TimeUnit.SECONDS);
            assertArrayEquals(samples, got.samples(), "the engineer gets the driver's own audio");
            assertEquals("", got.text(), "Sphinx4 hears only the key phrase: no words with the clip");

            engineer.play(got).get(30, TimeUnit.SECONDS);
            byte[] played = engineerEar.pcm.toByteArray();
            short[] playedSamples = new short[played.length / 2];
            ByteBuffer.wrap(played).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(playedSamples);
            assertArrayEquals(samples, playedSamples, "the clip plays as it was said");

            EngineerLive deaf = new EngineerLive(new LiveBoard(), new AudioSink() {
                @Override
                public void open() throws IOException {
                    throw new IOException("No sound output: this computer has no audio device");
                }

                @Override
                public void write(byte[] pcm, int offset, int length) {
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
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> deaf.play(got).get(30,
                    TimeUnit.SECONDS));
            assertEquals(ClipPlayer.NO_DEVICE, e.getCause().getMessage());
            assertEquals("No sound output: this computer has no audio device", TeamSession.rootMessage(e));
        } finally {
            listening.dispose();
            voice.close();
            engineer.closeAll();
            engineerSide.dispose();
            team.dispose();
            feed.stop();
            server.close();
        }
    }
}
