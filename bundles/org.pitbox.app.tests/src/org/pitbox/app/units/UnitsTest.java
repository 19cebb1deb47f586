package org.pitbox.app.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void metricShowsKilometresPerHourAndLitres() {
        Units metric = new Units(false);
        assertEquals(180, metric.speed(50), 1e-9);
        assertEquals("km/h", metric.speedUnit());
        assertEquals(40, metric.fuel(40), 1e-9);
        assertEquals("L", metric.fuelUnit());
    }

    @Test
    void imperialShowsMilesPerHourAndUsGallons() {
        Units imperial = new Units(true);
        assertEquals(111.847, imperial.speed(50), 1e-3);
        assertEquals("mph", imperial.speedUnit());
        assertEquals(10, imperial.fuel(37.85411784), 1e-9);
        assertEquals("gal", imperial.fuelUnit());
    }
}
