package org.pitbox.core.fuel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.Lap.Flag;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.strategy.Consumption;

class FuelStatsTest {
    private static final double EPS = 1e-12;

    private static Lap lap(int n, double fuel, Flag... flags) {
        return new Lap(n, 0, 0, 100 * n, 100 * n + 100, 0, 1, Set.of(flags), List.of(), fuel);
    }

    private final FuelStats stats = FuelStats.of(List.of(
            lap(1, 2.0, Flag.OUT_LAP, Flag.INCOMPLETE), lap(2, 3.0), lap(3, 3.2), lap(4, 2.8), lap(5, 3.0),
            lap(6, 3.5), lap(7, 3.3, Flag.IN_LAP), lap(8, -40, Flag.OUT_LAP, Flag.REFUEL), lap(9, 0.4, Flag.INCOMPLETE)));

    @Test
    void usesCleanLapsOnly() {
        assertEquals(5, stats.laps());
        assertArrayEquals(new double[] {3.0, 3.2, 2.8, 3.0, 3.5}, stats.perLap(), EPS);
        assertEquals(3.5, stats.last(), EPS);
        assertEquals(2.8, stats.min(), EPS);
        assertEquals(3.5, stats.max(), EPS);
    }

    @Test
    void averagesOverTheLastLaps() {
        assertEquals((2.8 + 3.0 + 3.5) / 3, stats.average(3), EPS);
        assertEquals(15.5 / 5, stats.average(5), EPS);
        assertEquals(15.5 / 5, stats.average(10), EPS);
        assertEquals(100, stats.averageLapTime(3), EPS);
    }

    @Test
    void averagesSayHowManyLapsTheyHold() {
        assertEquals(3, stats.held(3));
        assertEquals(5, stats.held(10), "ten asked, five clean laps there");
        FuelStats one = FuelStats.of(List.of(lap(1, 2.0, Flag.OUT_LAP), lap(2, 3.0)));
        assertEquals(1, one.held(5), "an average of 5 after one clean lap holds one lap");
        assertEquals(3.0, one.average(5), EPS);
        Consumption c = Consumption.of(one);
        assertEquals(1, c.held(5));
        assertEquals(3.0, c.average5(), EPS);
    }

    @Test
    void lapByLapAsALiveSessionGoes() {
        FuelStats live = new FuelStats();
        for (int i = 0; i < 100; i++) {
            live.add(2 + i % 3, 90 + i);
            live.add(-5, 90);
            live.add(Double.NaN, 90);
        }
        assertEquals(100, live.laps(), "refuels and laps without fuel are left out");
        assertEquals(2, live.min(), EPS);
        assertEquals(4, live.max(), EPS);
        assertEquals(189, live.averageLapTime(1), EPS);
        assertEquals((4 + 2 + 3) / 3.0, live.average(3), EPS);
    }

    @Test
    void offTrackLapsAreNotClean() {
        FuelStats s = FuelStats.of(List.of(lap(1, 3.0), lap(2, 2.0, Flag.OFF_TRACK)));
        assertEquals(1, s.laps());
    }

    @Test
    void noCleanLapsGiveNaN() {
        FuelStats empty = FuelStats.of(new ArrayList<>());
        assertTrue(Double.isNaN(empty.average(3)));
        assertTrue(Double.isNaN(empty.last()));
        assertTrue(Double.isNaN(empty.min()));
    }

    @Test
    void simulatedConsumptionIsNearTheRequestedRate() {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(10).withFuel(20, 20, 0.5));
        FuelStats s = FuelStats.of(new LapSegmenter().segment(r));
        assertEquals(10, s.laps());
        assertEquals(0.5, s.average(10), 0.03);
        assertTrue(s.max() - s.min() < 0.05);
    }
}
