package org.pitbox.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MathChannelsTest {
    private static final List<MathChannel> CHANNELS = List.of(
            new MathChannel("Speed kph", "Speed * 3.6", "km/h"),
            new MathChannel("Pedals", "Throttle - Brake", ""),
            new MathChannel("Car 3", "CarIdxLapDistPct[3]", ""),
            new MathChannel("Third", "Gear == 3", ""),
            new MathChannel("LF temp", "(LFtempCL + LFtempCM + LFtempCR) / 3", "C"));

    @Test
    void roundTrips() {
        String text = MathChannels.write(CHANNELS);
        assertEquals(CHANNELS, MathChannels.read(text));
        assertTrue(text.startsWith("Speed kph = Speed * 3.6 [km/h]\n"), text);
        assertTrue(text.contains("Car 3 = CarIdxLapDistPct[3] []\n"), text);
    }

    @Test
    void readsHandWrittenText() {
        List<MathChannel> read = MathChannels.read("# mine\r\n\n  Brake bias = Brake / (Brake + 1)   [ % ]\n"
                + "Car 2 = CarIdxLapDistPct[2]\nEq = if(Gear == 3, 1, 0)\n");
        assertEquals(List.of(new MathChannel("Brake bias", "Brake / (Brake + 1)", "%"),
                new MathChannel("Car 2", "CarIdxLapDistPct[2]", ""), new MathChannel("Eq", "if(Gear == 3, 1, 0)", "")),
                read);
    }

    @Test
    void errorsNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MathChannels.read("a = Speed\nb = (Speed\n"));
        assertEquals("line 2: expected ')' at column 7", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MathChannels.read("just text"));
        assertTrue(e.getMessage().startsWith("line 1: expected 'name = expression [unit]'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MathChannel("a=b", "1", ""));
        assertThrows(IllegalArgumentException.class, () -> new MathChannel("a", "1", "[x]"));
        assertThrows(IllegalArgumentException.class, () -> new MathChannel("a", "1\n2", ""));
    }
}
