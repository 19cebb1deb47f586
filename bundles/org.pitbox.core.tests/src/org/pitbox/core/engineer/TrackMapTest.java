package org.pitbox.core.engineer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.MemoryRecording;
import org.pitbox.core.telemetry.Recording;

class TrackMapTest {
    private static final SimulatedRecording RECORDING = LapTableTest.RECORDING;
    private static final double MONZA = Tracks.MONZA.length();
    private static final double METRES_PER_DEGREE = 6_378_137 * Math.PI / 180;

    @Test
    void drawsMonzaFromGpsAfterOneLap() {
        TrackMap map = new TrackMap(RECORDING.layout());
        assertEquals(TrackMap.Source.GPS, map.source());
        List<Lap> laps = laps(RECORDING);
        Lap first = laps.stream().filter(l -> l.startPct() == 0).findFirst().orElseThrow();
        Replay replay = new Replay(RECORDING);
        replay.rows(0, first.lastRecord() + 1, 1, map::update);
        assertFalse(map.ready(), "not before the first lap from the line is over");
        assertTrue(Double.isNaN(map.carX()));
        replay.rows(first.lastRecord() + 1, first.lastRecord() + 2, 1, map::update);
        assertTrue(map.ready());
        assertEquals(MONZA, map.perimeter(), MONZA * 0.01, "the perimeter of the outline");
        assertClosed(map);
        assertTrue(map.maxX() - map.minX() > 500 && map.maxX() - map.minX() < 3000, "width " + (map.maxX() - map.minX()));
        assertTrue(map.maxY() - map.minY() > 500 && map.maxY() - map.minY() < 3000, "height " + (map.maxY() - map.minY()));

        ChannelDescriptor lat = RECORDING.layout().require("Lat");
        ChannelDescriptor lon = RECORDING.layout().require("Lon");
        double lat0 = RECORDING.value(0, lat, 0);
        double lon0 = RECORDING.value(0, lon, 0);
        int checked = 0;
        for (int r = first.lastRecord() + 2; r < RECORDING.recordCount(); r += 301) {
            replay.rows(r, r + 1, 1, map::update);
            boolean onPit = RECORDING.value(r, RECORDING.layout().require("OnPitRoad"), 0) != 0;
            double x = (RECORDING.value(r, lon, 0) - lon0) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0));
            double y = (RECORDING.value(r, lat, 0) - lat0) * METRES_PER_DEGREE;
            if (!onPit) {
                assertEquals(0, Math.hypot(map.carX() - x, map.carY() - y), 2.0, "the car on the map, record " + r);
                checked++;
            }
        }
        assertTrue(checked > 50);
    }

    @Test
    void deadReckonsTheSameShapeFromYawAndSpeed() {
        TrackMap gps = new TrackMap(RECORDING.layout());
        new Replay(RECORDING).all(gps::update);
        Recording headed = withHeadings(RECORDING);
        ChannelLayout yawOnly = without(headed.layout(), "YawNorth");
        TrackMap yaw = new TrackMap(yawOnly);
        new Replay(headed, yawOnly).all(yaw::update);
        assertEquals(TrackMap.Source.YAW, yaw.source());
        assertTrue(yaw.ready());
        assertEquals(gps.perimeter(), yaw.perimeter(), MONZA * 0.005);
        assertClosed(yaw);
        assertEquals(signedArea(gps), signedArea(yaw), Math.abs(signedArea(gps)) * 0.03, "same shape, same hand");

        TrackMap north = new TrackMap(headed.layout());
        new Replay(headed).all(north::update);
        assertEquals(TrackMap.Source.YAW_NORTH, north.source());
        double[] g = centroid(gps);
        double[] n = centroid(north);
        for (int k = 0; k < TrackMap.POINTS; k += 10) {
            double dx = gps.xs()[k] - g[0] - (north.xs()[k] - n[0]);
            double dy = gps.ys()[k] - g[1] - (north.ys()[k] - n[1]);
            assertEquals(0, Math.hypot(dx, dy), 10, "point " + k + " against north, as GPS");
        }
    }

    @Test
    void aLapOffPitRoadReplacesAnOutlineThroughThePits() {
        SimulatedRecording pitting = SimulatedRecording.run(SimOptions.defaults().withLaps(5).withSeed(3).withPitLaps(2));
        List<Lap> laps = laps(pitting);
        TrackMap map = new TrackMap(pitting.layout());
        Replay replay = new Replay(pitting);
        Lap inLap = laps.stream().filter(l -> l.number() == 2).findFirst().orElseThrow();
        assertTrue(inLap.has(Lap.Flag.IN_LAP) && inLap.startPct() == 0 && inLap.endPct() == 1, inLap.toString());
        replay.rows(0, inLap.lastRecord() + 2, 1, map::update);
        float[] throughPits = map.xs();
        assertTrue(map.ready(), "the in-lap was driven from line to line");
        Lap clean = laps.stream().filter(Lap::isClean).findFirst().orElseThrow();
        replay.rows(inLap.lastRecord() + 2, clean.lastRecord() + 2, 1, map::update);
        float[] offPits = map.xs();
        assertNotSame(throughPits, offPits, "the clean lap " + clean.number() + " replaced it");
        replay.rows(clean.lastRecord() + 2, pitting.recordCount(), 1, map::update);
        assertSame(offPits, map.xs(), "and stays");
        assertEquals(MONZA, map.perimeter(), MONZA * 0.01);
    }

    @Test
    void drawsNothingWithoutPositions() {
        TrackMap map = new TrackMap(without(without(RECORDING.layout(), "Lat"), "Lon"));
        assertEquals(TrackMap.Source.NONE, map.source());
        new Replay(RECORDING, without(without(RECORDING.layout(), "Lat"), "Lon")).rows(0, 20_000, 1, map::update);
        assertFalse(map.ready());
        assertTrue(Double.isNaN(map.perimeter()));
    }

    private static List<Lap> laps(Recording r) {
        LapTable table = new LapTable(r.layout(), SectorSplits.THIRDS);
        new Replay(r).all(table::update);
        return table.laps();
    }

    private static void assertClosed(TrackMap map) {
        int last = TrackMap.POINTS - 1;
        double closing = Math.hypot(map.xs()[0] - map.xs()[last], map.ys()[0] - map.ys()[last]);
        assertEquals(map.perimeter() / TrackMap.POINTS, closing, 2, "the last point is one step from the first");
    }

    private static double signedArea(TrackMap map) {
        double a = 0;
        for (int k = 0; k < TrackMap.POINTS; k++) {
            int next = (k + 1) % TrackMap.POINTS;
            a += map.xs()[k] * (double) map.ys()[next] - map.xs()[next] * (double) map.ys()[k];
        }
        return a / 2;
    }

    private static double[] centroid(TrackMap map) {
        double x = 0;
        double y = 0;
        for (int k = 0; k < TrackMap.POINTS; k++) {
            x += map.xs()[k];
            y += map.ys()[k];
        }
        return new double[] {x / TrackMap.POINTS, y / TrackMap.POINTS};
    }

    static ChannelLayout without(ChannelLayout layout, String name) {
        return new ChannelLayout(layout.channels().stream().filter(c -> !c.name().equals(name)).toList(),
                layout.rowLength());
    }

    /**
     * The rows without Lat and Lon but with the heading the car drove: Yaw counter-clockwise from an arbitrary
     * zero, YawNorth clockwise from north, as iRacing writes them.
     */
    static Recording withHeadings(Recording r) {
        ChannelLayout layout = r.layout();
        int length = layout.rowLength();
        List<ChannelDescriptor> channels = new ArrayList<>(layout.channels().stream()
                .filter(c -> !c.name().equals("Lat") && !c.name().equals("Lon")).toList());
        ChannelDescriptor yaw = new ChannelDescriptor("Yaw", ChannelType.FLOAT, 1, false, "rad", "", length);
        ChannelDescriptor yawNorth = new ChannelDescriptor("YawNorth", ChannelType.FLOAT, 1, false, "rad", "", length + 4);
        channels.add(yaw);
        channels.add(yawNorth);
        ChannelLayout headed = new ChannelLayout(channels, length + 8);
        ByteBuffer rows = ByteBuffer.allocate(r.recordCount() * headed.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        ChannelDescriptor lat = layout.require("Lat");
        ChannelDescriptor lon = layout.require("Lon");
        double east = 0;
        double north = 1;
        for (int i = 0; i < r.recordCount(); i++) {
            int at = i * headed.rowLength();
            rows.put(at, r.rows(), r.rowStart(i), length);
            if (i + 1 < r.recordCount()) {
                double de = (r.value(i + 1, lon, 0) - r.value(i, lon, 0)) * Math.cos(Math.toRadians(r.value(i, lat, 0)));
                double dn = r.value(i + 1, lat, 0) - r.value(i, lat, 0);
                if (Math.hypot(de, dn) > 1e-9) {
                    east = de;
                    north = dn;
                }
            }
            rows.putFloat(at + yaw.offset(), (float) Math.IEEEremainder(Math.atan2(north, east) + 1.0, 2 * Math.PI));
            rows.putFloat(at + yawNorth.offset(), (float) Math.atan2(east, north));
        }
        return new MemoryRecording(headed, r.tickRate(), r.sessionInfoYaml(), rows, r.recordCount());
    }
}
