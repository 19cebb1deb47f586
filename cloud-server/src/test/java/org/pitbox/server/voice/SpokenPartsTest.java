package org.pitbox.server.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.server.voice.SpokenParts.Part;

class SpokenPartsTest {
    @Test
    void aLineIsCutAtItsNumbersWithItsContext() {
        List<Part> parts = SpokenParts.of("Fuel 12.4 litres, 5 laps.");
        assertEquals(List.of(new Part("Fuel", "", "12.4 litres, 5 laps.", false),
                new Part("12.4", "Fuel", "litres, 5 laps.", true),
                new Part("litres,", "Fuel 12.4", "5 laps.", false),
                new Part("5", "Fuel 12.4 litres,", "laps.", true),
                new Part("laps.", "Fuel 12.4 litres, 5", "", false)), parts);
        assertEquals("Fuel # litres, # laps.", SpokenParts.shape("Fuel 12.4 litres, 5 laps."));
    }

    @Test
    void onlyShortLinesWithAFewNumbersAmongWordsQualify() {
        assertTrue(SpokenParts.of("Box, box, box.").isEmpty(), "no number");
        assertTrue(SpokenParts.of("12.4").isEmpty(), "no words");
        assertTrue(SpokenParts.of("1 2 3 4 5 laps").isEmpty(), "too many numbers");
        assertTrue(SpokenParts.of("Fuel 12 litres " + "and more ".repeat(20)).isEmpty(), "too long");
        assertEquals(List.of("Gap to P3 is", "1.5", "seconds"), SpokenParts.of("Gap to P3 is 1.5 seconds").stream()
                .map(Part::text).toList(), "a number inside a word stays in it");
    }

    @Test
    void silenceAtAPartsEndsIsTrimmedToAMargin() {
        short[] samples = new short[16_000];
        for (int i = 5000; i < 9000; i++) {
            samples[i] = (short) (i % 2 == 0 ? 5000 : -5000);
        }
        byte[] trimmed = SpokenParts.trim(pcm(samples));
        assertEquals((4000 + 2 * 480) * 2, trimmed.length);
        assertArrayEquals(new byte[0], SpokenParts.trim(pcm(new short[800])), "all silence is nothing");
    }

    private static byte[] pcm(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }
}
