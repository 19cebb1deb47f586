package org.pitbox.voice.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LevelTest {
    @Test
    void fullScaleSquareIsZeroDbAndSilenceIsTheFloor() {
        short[] square = new short[320];
        for (int i = 0; i < square.length; i++) {
            square[i] = (short) (i % 2 == 0 ? 32767 : -32768);
        }
        assertEquals(0, Level.dbfs(square), 0.01);
        assertEquals(Level.SILENCE_DB, Level.dbfs(new short[320]));
        short[] tenth = new short[320];
        Arrays.fill(tenth, (short) 3277);
        assertEquals(-20, Level.dbfs(tenth), 0.01);
        assertEquals(0.5, Level.fill(-30), 1e-9);
    }

    @Test
    void noMicrophoneIsAClearError() {
        if (!Microphone.names().isEmpty()) {
            return;
        }
        Exception e = assertThrows(IOException.class, () -> Microphone.open(""));
        assertTrue(e.getMessage().startsWith("No microphone found"), e.getMessage());
    }
}
