package org.pitbox.app.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The overlay's shift lights come from the session info's DriverInfo; without it the defaults stay. */
class ShiftLightsTest {
    private static final String YAML = """
            ---
            DriverInfo:
             DriverCarIdx: 0
             DriverCarRedLine: 7500.000
             DriverCarSLFirstRPM: 6000.000
             DriverCarSLShiftRPM: 7200.000
             DriverCarSLLastRPM: 7300.000
             DriverCarSLBlinkRPM: 7400.000
            ...
            """;

    @Test
    void readsTheCarsShiftPoints() {
        assertEquals(Optional.of(new ShiftLights(6000, 7200, 7400)), ShiftLights.of(YAML));
    }

    @Test
    void noSessionInfoKeepsTheDefaults() {
        assertTrue(ShiftLights.of("").isEmpty());
        assertTrue(ShiftLights.of(null).isEmpty());
        Optional<ShiftLights> none = ShiftLights.of("WeekendInfo:\n TrackName: limerock\n");
        assertFalse(none.isPresent() && none.get().first() > 0, "no shift points read from " + none);
    }
}
