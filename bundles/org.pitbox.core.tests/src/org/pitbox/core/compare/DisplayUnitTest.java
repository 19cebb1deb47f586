package org.pitbox.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayUnitTest {
    @Test
    void metricShowsTheRecordingsUnitsReadably() {
        assertEquals("km/h", DisplayUnit.of("m/s", false).label());
        assertEquals(180, DisplayUnit.of("m/s", false).apply(50), 1e-9);
        assertEquals(new DisplayUnit("°C", 1), DisplayUnit.of("C", false));
        assertEquals(new DisplayUnit("L", 1), DisplayUnit.of("l", false));
        assertEquals(new DisplayUnit("bar", 1), DisplayUnit.of("bar", false));
        assertEquals(new DisplayUnit("kPa", 1), DisplayUnit.of("kPa", false));
        assertEquals(new DisplayUnit("km/h", 1), DisplayUnit.of("km/h", false), "a math channel already in km/h");
        assertEquals(new DisplayUnit("rpm", 1), DisplayUnit.of("revs/min", false));
    }

    @Test
    void imperialConvertsSpeedTemperatureFuelAndPressure() {
        assertEquals("mph", DisplayUnit.of("m/s", true).label());
        assertEquals(100, DisplayUnit.of("m/s", true).apply(44.704), 1e-9);
        assertEquals(62.137119, DisplayUnit.of("km/h", true).apply(100), 1e-6);
        DisplayUnit f = DisplayUnit.of("C", true);
        assertEquals("°F", f.label());
        assertEquals(32, f.apply(0), 1e-9);
        assertEquals(212, f.apply(100), 1e-9);
        assertEquals(-40, f.apply(-40), 1e-9);
        assertEquals(100, f.invert(f.apply(100)), 1e-9);
        assertEquals(18, f.scale(10), 1e-9, "a temperature difference has no offset");
        assertEquals("gal", DisplayUnit.of("l", true).label());
        assertEquals(1, DisplayUnit.of("l", true).apply(3.785411784), 1e-9);
        assertEquals("psi", DisplayUnit.of("bar", true).label());
        assertEquals(14.5038, DisplayUnit.of("bar", true).apply(1), 1e-4);
        assertEquals(26.1068, DisplayUnit.of("kPa", true).apply(180), 1e-4, "a tyre at 180 kPa");
        assertEquals("ft", DisplayUnit.of("m", true).label());
        assertEquals(1000, DisplayUnit.of("m", true).apply(304.8), 1e-9);
    }

    @Test
    void unitsItDoesNotKnowAreShownAsTheyAre() {
        assertEquals(new DisplayUnit("N*m", 1), DisplayUnit.of("N*m", true));
        assertEquals(new DisplayUnit("", 1), DisplayUnit.of("", false));
        assertEquals(new DisplayUnit("", 1), DisplayUnit.of(null, false));
        assertEquals(new DisplayUnit("%", 100), DisplayUnit.of("%", true), "percent is the same everywhere");
    }
}
