package org.pitbox.voice.speak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LocalVoiceTest {
    @Test
    void speaksSixteenKilohertzPcmInPiecesAndStopsWhenAsked() throws Exception {
        try (LocalVoice voice = new LocalVoice()) {
            assertEquals("Local voice (FreeTTS)", voice.name());
            byte[] all = SpeechQueueTest.pcm(voice, "Box this lap. Fuel for two laps.");
            double seconds = all.length / (double) PcmOutput.BYTES_PER_SECOND;
            assertTrue(seconds > 1 && seconds < 6, "a short sentence lasts seconds: " + seconds);
            assertEquals(0, all.length % 2, "whole samples");
            assertArrayEquals(all, SpeechQueueTest.pcm(voice, "Box this lap. Fuel for two laps."), "the same each time");
            AtomicInteger taken = new AtomicInteger();
            voice.speak("Box this lap. Fuel for two laps.", (b, o, l) -> taken.addAndGet(l) < 3200);
            assertTrue(taken.get() < all.length, "stopped early: " + taken.get());
            assertArrayEquals(all, SpeechQueueTest.pcm(voice, "Box this lap. Fuel for two laps."), "and speaks whole again");
        }
    }
}
