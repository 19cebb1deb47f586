package org.pitbox.voice.ptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pitbox.voice.capture.WavFeed;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.command.Intent;
import org.pitbox.voice.engine.SphinxEngine;
import org.pitbox.voice.eval.Espeak;
import org.pitbox.voice.eval.Noise;

/** A spoken question played in real time as a microphone would, held with push-to-talk, heard by Sphinx4. */
class PushToTalkTest {
    @Test
    void theHeldQuestionIsHeard() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        short[] speech = Noise.pad(new Espeak("en-us", 165).say("how many laps of fuel"), 0.2);
        WavFeed feed = new WavFeed("question.wav", speech, true);
        CompletableFuture<String> heard = new CompletableFuture<>();
        AtomicInteger talking = new AtomicInteger();
        try (PushToTalk ptt = new PushToTalk(new SphinxEngine(CommandTable.standard()), feed,
                new PushToTalk.Listener() {
                    @Override
                    public void talking() {
                        talking.incrementAndGet();
                    }

                    @Override
                    public void heard(String words, short[] audio) {
                        heard.complete(words);
                    }

                    @Override
                    public void failed(String message) {
                        heard.completeExceptionally(new AssertionError(message));
                    }
                })) {
            ptt.start();
            ptt.press();
            assertTrue(ptt.talking());
            Thread.sleep(feed.millis() + 100);
            ptt.release();
            String words = heard.get(30, TimeUnit.SECONDS);
            CommandMatcher.Match m = new CommandMatcher(CommandTable.standard()).match(words);
            assertTrue(m.understood(), "heard '" + words + "'");
            assertEquals(Intent.LAPS_OF_FUEL, m.command().intent());
            assertEquals(1, talking.get(), "talking told once");
        }
    }
}
