package org.pitbox.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.Lap.Flag;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;

class TelemetrySimulatorTest {

    @Test
    void sameSeedGivesSameRowsOtherSeedDoesNot() {
        SimOptions o = SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(3).withSeed(42);
        ByteBuffer a = SimulatedRecording.run(o).rows();
        ByteBuffer b = SimulatedRecording.run(o).rows();
        ByteBuffer c = SimulatedRecording.run(o.withSeed(43)).rows();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void streamingGivesTheRowsOfTheRecording() {
        SimOptions o = SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(2);
        SimulatedRecording r = SimulatedRecording.run(o);
        TelemetrySimulator sim = new TelemetrySimulator(o);
        int len = TelemetrySimulator.layout().rowLength();
        ByteBuffer row = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        int n = 0;
        while (sim.next(row.clear())) {
            assertEquals(len, row.position());
            assertEquals(r.rows().slice(r.rowStart(n), len), row.flip());
            n++;
        }
        assertEquals(r.recordCount(), n);
        assertEquals(n, sim.tick());
    }

    @ParameterizedTest
    @ValueSource(strings = {"monza", "red bull ring", "martinsville"})
    void rowsArePhysicallyPlausible(String name) {
        Track t = Tracks.find(name).orElseThrow();
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withTrack(t).withLaps(3)
                .withPitLaps(2).withFuel(30, 60, Double.NaN));
        double[] time = r.column("SessionTime");
        double[] tick = r.column("SessionTick");
        double[] speed = r.column("Speed");
        double[] throttle = r.column("Throttle");
        double[] brake = r.column("Brake");
        double[] gear = r.column("Gear");
        double[] rpm = r.column("RPM");
        double[] fuel = r.column("FuelLevel");
        double[] fuelPct = r.column("FuelLevelPct");
        double[] surface = r.column("PlayerTrackSurface");
        double[] dist = r.column("LapDist");
        double[] pct = r.column("LapDistPct");
        double[] lat = r.column("Lat");
        double[] lon = r.column("Lon");
        double[] tyre = r.column("RFtempCM");
        for (int i = 0; i < r.recordCount(); i++) {
            String at = "row " + i;
            assertEquals(i / 60.0, time[i], 1e-9, at);
            assertEquals(i, tick[i], at);
            assertTrue(speed[i] >= 0 && speed[i] <= 100, at);
            assertTrue(throttle[i] >= 0 && throttle[i] <= 1 && brake[i] >= 0 && brake[i] <= 1, at);
            assertTrue(throttle[i] == 0 || brake[i] == 0, at + ": throttle and brake together");
            int g = (int) gear[i];
            if (g == 0) {
                assertTrue(speed[i] < 0.5, at);
            } else {
                assertTrue(speed[i] <= Car.GEAR_TOP[g - 1] + 1e-3, at + ": too fast for gear " + g);
                assertTrue(g == 1 || speed[i] > 0.7 * Car.GEAR_TOP[g - 2], at + ": too slow for gear " + g);
            }
            assertTrue(rpm[i] >= Car.IDLE - 50 && rpm[i] <= Car.REDLINE, at);
            if (i > 0 && surface[i] != 1) {
                assertTrue(fuel[i] <= fuel[i - 1], at + ": fuel rose outside the stall");
            }
            assertTrue(fuel[i] > 0, at);
            assertEquals(fuel[i] / 60, fuelPct[i], 1e-4, at);
            assertEquals(pct[i] * t.length(), dist[i], 0.01, at);
            assertTrue(Math.abs(lat[i] - t.latitude()) < 0.02 && Math.abs(lon[i] - t.longitude()) < 0.03, at);
            assertTrue(tyre[i] > 20 && tyre[i] < 150, at);
        }
        double max = 0;
        for (double v : speed) {
            max = Math.max(max, v);
        }
        assertTrue(max > 40, "top speed " + max);
    }

    @Test
    void longRaceStopsForFuel() {
        TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withTrack(Tracks.RED_BULL_RING)
                .withDuration(1800).withFuel(30, 60, 3));
        ByteBuffer row = ByteBuffer.allocate(TelemetrySimulator.layout().rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        ChannelLayout layout = TelemetrySimulator.layout();
        int fuelAt = layout.require("FuelLevel").offset();
        float min = Float.MAX_VALUE;
        while (sim.next(row.clear())) {
            min = Math.min(min, row.getFloat(fuelAt));
        }
        assertTrue(min > 0, "ran dry");
        List<Lap> laps = new LapSegmenter().segment(SimulatedRecording.run(sim.options()));
        assertTrue(laps.stream().filter(l -> l.has(Flag.REFUEL)).count() >= 1);
        assertTrue(laps.get(laps.size() - 1).endTime() > 1800);
    }

    @Test
    void layoutUsesIracingNamesAndTypes() {
        ChannelLayout l = TelemetrySimulator.layout();
        assertEquals(ChannelType.DOUBLE, l.require("SessionTime").type());
        assertEquals(ChannelType.INT, l.require("Lap").type());
        assertEquals(ChannelType.FLOAT, l.require("LapDistPct").type());
        assertEquals(ChannelType.BOOL, l.require("OnPitRoad").type());
        assertEquals(ChannelType.BITFIELD, l.require("SessionFlags").type());
        assertEquals(ChannelType.DOUBLE, l.require("Lat").type());
        assertEquals("m/s", l.require("Speed").unit());
        for (String tyre : new String[] {"LF", "RF", "LR", "RR"}) {
            for (String zone : new String[] {"CL", "CM", "CR"}) {
                assertEquals("C", l.require(tyre + "temp" + zone).unit());
            }
        }
    }

    @Test
    void sessionInfoHasIracingShape() {
        SimOptions o = SimOptions.defaults().withTrack(Tracks.MONZA).withLaps(12);
        String y = new TelemetrySimulator(o).sessionInfoYaml();
        assertTrue(y.startsWith("---\nWeekendInfo:\n TrackName: monza full\n"));
        assertTrue(y.endsWith("\n...\n"));
        for (String line : new String[] {" TrackLength: 5.79 km\n", " TrackDisplayName: Autodromo Nazionale Monza\n",
                " TrackID: 239\n", "SessionInfo:\n Sessions:\n - SessionNum: 0\n   SessionLaps: 12\n",
                "SplitTimeInfo:\n Sectors:\n - SectorNum: 0\n   SectorStartPct: 0.000000\n",
                "   SectorStartPct: 0.319000\n", "DriverInfo:\n DriverCarIdx: 0\n", " DriverCarFuelMaxLtr: 100.000\n",
                " DriverCarRedLine: 7500.000\n", " Drivers:\n - CarIdx: 0\n   UserName: PitBox Simulator\n",
                "   CarScreenName: PitBox GT3\n"}) {
            assertTrue(y.contains(line), line);
        }
    }

    @Test
    void anHourStreamsQuicklyWithoutAllocating() {
        TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withDuration(3600));
        ByteBuffer row = ByteBuffer.allocate(TelemetrySimulator.layout().rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            sim.next(row.clear());
        }
        long t0 = System.nanoTime();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            sim.next(row.clear());
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        while (sim.next(row.clear())) {
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "too slow");
        }
        assertTrue(sim.tick() > 216_000);
        assertTrue(allocated < 50_000, allocated + " bytes for 100k rows");
    }
}
