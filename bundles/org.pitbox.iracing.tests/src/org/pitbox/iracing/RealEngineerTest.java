package org.pitbox.iracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.core.engineer.CarState;
import org.pitbox.core.engineer.CarState.Tyre;
import org.pitbox.core.engineer.LapTable;
import org.pitbox.core.engineer.LapTraces;
import org.pitbox.core.engineer.SectorSplits;
import org.pitbox.core.engineer.TrackMap;
import org.pitbox.core.flags.EngineWarning;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.sessioninfo.Sector;
import org.pitbox.iracing.testdata.SharedData;

/**
 * The race engineer's live models and the driver's overlay fed the rows of real recordings one by one, as from a
 * live feed: the same laps as the file's summary, the same best lap and fuel use on both sides.
 */
class RealEngineerTest {

    /** The models of one file, fed every row; the track maps also see the rows with the GPS or YawNorth hidden. */
    private static final class Fed {
        final IbtSummary summary;
        final LapTable table;
        final LapTraces traces;
        final CarState car;
        final TrackMap gps;
        final TrackMap yaw;
        final OverlayModel overlay = new OverlayModel();

        Fed(IbtFile ibt) {
            summary = IbtSummary.of(ibt);
            ChannelLayout layout = ibt.layout();
            ChannelLayout yawOnly = without(layout, "Lat", "Lon", "YawNorth");
            table = new LapTable(layout, SectorSplits.of(ibt.sessionInfoYaml()));
            traces = new LapTraces(layout, table);
            car = new CarState(layout, table);
            gps = new TrackMap(layout);
            yaw = new TrackMap(yawOnly);
            Frame frame = new Frame(layout);
            Frame yawFrame = new Frame(yawOnly);
            for (int r = 0; r < ibt.recordCount(); r++) {
                frame.row().put(0, ibt.rows(), ibt.rowStart(r), layout.rowLength());
                frame.setTick(r);
                yawFrame.row().put(0, ibt.rows(), ibt.rowStart(r), layout.rowLength());
                yawFrame.setTick(r);
                table.update(frame);
                traces.update(frame);
                car.update(frame);
                gps.update(frame);
                yaw.update(yawFrame);
                overlay.update(frame);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.pitbox.iracing.testdata.SharedData#ibtFiles")
    void theLapTableHasTheLapsOfTheFileSummary(String name) throws Exception {
        try (IbtFile ibt = IbtFile.open(SharedData.iracing("ibt/" + name))) {
            Fed fed = new Fed(ibt);
            List<Double> fileSectors = fed.summary.info().sectors().stream().map(Sector::startPct).toList();
            assertEquals(fileSectors.size() >= 2 ? fileSectors : SectorSplits.THIRDS, fed.table.sectorStarts());
            List<Lap> laps = fed.summary.laps();
            assertEquals(laps.subList(0, Math.max(0, laps.size() - 1)), fed.table.laps(),
                    "the file's laps but the last, still going when the recording ends");
            Lap best = fed.table.laps().stream().filter(Lap::isClean).min((a, b) -> Double.compare(a.lapTime(), b.lapTime()))
                    .orElse(null);
            assertEquals(best, fed.table.best());
            assertEquals(best, fed.traces.bestLap());
            assertEquals(best == null ? Double.NaN : best.lapTime(), fed.overlay.bestLap(),
                    "the driver's overlay has the engineer's best lap");
            assertEquals(fed.car.consumption().average5(), fed.overlay.averageLapFuel(), "and its fuel per lap");
        }
    }

    @ParameterizedTest
    @MethodSource("org.pitbox.iracing.testdata.SharedData#ibtFiles")
    void theTrackMapFromYawHasTheShapeOfTheGpsMap(String name) throws Exception {
        try (IbtFile ibt = IbtFile.open(SharedData.iracing("ibt/" + name))) {
            Fed fed = new Fed(ibt);
            assertEquals(TrackMap.Source.GPS, fed.gps.source());
            assertEquals(TrackMap.Source.YAW, fed.yaw.source());
            boolean lapFromLine = fed.table.laps().stream().anyMatch(l -> l.startPct() == 0 && l.endPct() == 1);
            assertEquals(lapFromLine, fed.gps.ready(), "a map once a lap was driven from line to line");
            assertEquals(lapFromLine, fed.yaw.ready());
            if (lapFromLine) {
                double length = fed.summary.info().weekend().trackLengthMeters();
                assertEquals(length, fed.gps.perimeter(), length * 0.03, "the GPS outline against TrackLength");
                assertEquals(fed.gps.perimeter(), fed.yaw.perimeter(), length * 0.01);
                double gpsArea = signedArea(fed.gps);
                assertEquals(gpsArea, signedArea(fed.yaw), Math.abs(gpsArea) * 0.05, "same shape, same hand");
            }
        }
    }

    @Test
    void yawNorthIsTheCompassHeadingOfTheGpsPath() throws Exception {
        try (IbtFile ibt = IbtFile.open(SharedData.iracing("ibt/robroberts_skmodified_martinsville_2016-02-07_21-01-44.ibt"))) {
            double[] lat = ibt.column(ibt.layout().require("Lat"), 0);
            double[] lon = ibt.column(ibt.layout().require("Lon"), 0);
            double[] north = ibt.column(ibt.layout().require("YawNorth"), 0);
            double[] speed = ibt.column(ibt.layout().require("Speed"), 0);
            int moving = 0;
            int agreeing = 0;
            for (int r = 5; r + 5 < lat.length; r++) {
                if (speed[r] > 10) {
                    double east = (lon[r + 5] - lon[r - 5]) * Math.cos(Math.toRadians(lat[r]));
                    double heading = Math.atan2(east, lat[r + 5] - lat[r - 5]);
                    moving++;
                    agreeing += Math.abs(Math.IEEEremainder(heading - north[r], 2 * Math.PI)) < 0.15 ? 1 : 0;
                }
            }
            assertTrue(moving > 300 && agreeing > moving * 0.9, agreeing + " of " + moving + " headings agree");
        }
    }

    @Test
    void theStateOfARealCar() throws Exception {
        try (IbtFile ibt = IbtFile.open(SharedData.iracing("ibt/robroberts_skmodified_langley_2015-05-28_14-50-46.ibt"))) {
            LapTable table = new LapTable(ibt.layout(), SectorSplits.of(ibt.sessionInfoYaml()));
            CarState car = new CarState(ibt.layout(), table);
            Frame frame = new Frame(ibt.layout());
            frame.row().put(0, ibt.rows(), ibt.rowStart(0), ibt.layout().rowLength());
            table.update(frame);
            car.update(frame);
            assertEquals(Set.of(EngineWarning.OIL_PRESSURE, EngineWarning.ENGINE_STALLED), car.warnings(),
                    "the engine is off before the start");
            assertTrue(car.hasCarcassTemps() && car.hasSurfaceTemps() && car.hasPressures());
            for (Tyre t : Tyre.values()) {
                assertTrue(car.pressure(t) > 50 && car.pressure(t) < 400, t + " pressure " + car.pressure(t) + " kPa");
                for (int zone = 0; zone < 3; zone++) {
                    assertTrue(car.surfaceTemp(t, zone) > 0 && car.surfaceTemp(t, zone) < 150, t + " surface");
                    assertTrue(car.carcassTemp(t, zone) > 0 && car.carcassTemp(t, zone) < 150, t + " carcass");
                }
            }
            assertEquals(ibt.value(0, ibt.layout().require("LFpressure"), 0), car.pressure(Tyre.LF), 1e-4);
            assertEquals(ibt.value(0, ibt.layout().require("RRtempL"), 0), car.surfaceTemp(Tyre.RR, 0), 1e-4);
            assertEquals(ibt.value(0, ibt.layout().require("FuelLevel"), 0) / ibt.value(0,
                    ibt.layout().require("FuelLevelPct"), 0), car.tankSize(), 1e-3);
        }
    }

    private static ChannelLayout without(ChannelLayout layout, String... names) {
        return new ChannelLayout(layout.channels().stream().filter(c -> !List.of(names).contains(c.name())).toList(),
                layout.rowLength());
    }

    private static double signedArea(TrackMap map) {
        float[] x = map.xs();
        float[] y = map.ys();
        double a = 0;
        for (int k = 0; k < x.length; k++) {
            int next = (k + 1) % x.length;
            a += x[k] * (double) y[next] - x[next] * (double) y[k];
        }
        return a / 2;
    }
}
