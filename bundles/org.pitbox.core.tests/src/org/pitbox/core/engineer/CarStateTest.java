package org.pitbox.core.engineer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pitbox.core.engineer.CarState.Tyre;
import org.pitbox.core.flags.EngineWarning;
import org.pitbox.core.flags.SessionFlag;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.strategy.Consumption;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.core.telemetry.Rows;
import org.pitbox.core.testing.EditableRecording;

class CarStateTest {
    private static final SimulatedRecording RECORDING = LapTableTest.RECORDING;

    /** A table and a car state fed the rows of a recording up to a point. */
    private static final class Watch {
        final Recording recording;
        final LapTable table;
        final CarState car;
        final Replay replay;
        int next;

        Watch(Recording r) {
            recording = r;
            table = new LapTable(r.layout(), SectorSplits.of(r.sessionInfoYaml()));
            car = new CarState(r.layout(), table);
            replay = new Replay(r);
        }

        /** Feeds up to record {@code to} (exclusive). */
        Watch until(int to) {
            replay.rows(next, to, 1, frame -> {
                table.update(frame);
                car.update(frame);
            });
            next = to;
            return this;
        }

        double value(String channel) {
            return recording.value(next - 1, recording.layout().require(channel), 0);
        }
    }

    @Test
    void fuelAndItsUsePerLap() {
        Watch w = new Watch(RECORDING).until(RECORDING.recordCount());
        assertEquals(w.value("FuelLevel"), w.car.fuel(), 1e-6);
        assertEquals(100, w.car.tankSize(), 0.01, "FuelLevel over FuelLevelPct");
        Consumption c = w.car.consumption();
        List<Lap> clean = w.table.laps().stream().filter(Lap::isClean).toList();
        assertEquals(clean.size(), c.laps());
        assertEquals(clean.get(clean.size() - 1).fuelUsed(), c.last(), 1e-12);
        double perLap = LapTableTest.RACE.litresPerLap();
        assertEquals(perLap, c.average5(), perLap * 0.05, "about what the simulator burns");
        assertTrue(c.min() <= c.average3() && c.average3() <= c.max());
        assertEquals(FuelStats.of(w.table.laps()).average(10), c.average10(), 1e-12);
    }

    @Test
    void tyreTemperaturesWhereTheLayoutHasThem() {
        Watch w = new Watch(RECORDING).until(20_000);
        assertTrue(w.car.hasCarcassTemps());
        assertFalse(w.car.hasSurfaceTemps());
        assertFalse(w.car.hasPressures());
        assertEquals(w.value("LFtempCM"), w.car.carcassTemp(Tyre.LF, 1), 1e-6);
        assertEquals(w.value("RRtempCR"), w.car.carcassTemp(Tyre.RR, 2), 1e-6);
        assertTrue(w.car.carcassTemp(Tyre.RF, 0) > 40);
        assertTrue(Double.isNaN(w.car.surfaceTemp(Tyre.LF, 1)));
        assertTrue(Double.isNaN(w.car.pressure(Tyre.LR)));

        EditableRecording surface = EditableRecording.slice(RECORDING, 0, 100).renamed("tempC", "temp");
        Watch s = new Watch(surface).until(100);
        assertTrue(s.car.hasSurfaceTemps());
        assertFalse(s.car.hasCarcassTemps());
        assertEquals(s.value("LRtempL"), s.car.surfaceTemp(Tyre.LR, 0), 1e-6);
    }

    @Test
    void flagsAndPitRoadThroughTheRace() {
        Watch w = new Watch(RECORDING).until(1);
        assertTrue(w.car.onPitRoad(), "the session starts in the pit stall");
        assertTrue(w.car.hasFlags());
        assertEquals(Set.of(SessionFlag.GREEN, SessionFlag.SERVICEABLE), w.car.flags());
        w.until(15_000);
        assertFalse(w.car.onPitRoad());
        w.until(RECORDING.recordCount());
        assertTrue(w.car.flags().contains(SessionFlag.CHECKERED));
        assertTrue(w.car.warnings().isEmpty(), "the simulator has no EngineWarnings");
        assertEquals(-1, w.car.incidents());
        assertTrue(Double.isNaN(w.car.repairLeft()));
    }

    @Test
    void damageWarningsAndPressuresWhenPresent() {
        ChannelLayout layout = ChannelLayout.packed(List.of(channel("SessionFlags", ChannelType.BITFIELD),
                channel("EngineWarnings", ChannelType.BITFIELD), channel("PlayerCarMyIncidentCount", ChannelType.INT),
                channel("PitRepairLeft", ChannelType.FLOAT), channel("PitOptRepairLeft", ChannelType.FLOAT),
                channel("LFpressure", ChannelType.FLOAT), channel("RRpressure", ChannelType.FLOAT)));
        Frame frame = new Frame(layout);
        put(frame, "SessionFlags", 0x108 | 0x80000000L);
        put(frame, "EngineWarnings", 0x81);
        put(frame, "PlayerCarMyIncidentCount", 4);
        put(frame, "PitRepairLeft", 31.5);
        put(frame, "PitOptRepairLeft", 12);
        put(frame, "LFpressure", 172.5);
        put(frame, "RRpressure", 168);
        CarState car = new CarState(layout, new LapTable(layout, SectorSplits.THIRDS));
        car.update(frame);
        assertEquals(Set.of(SessionFlag.YELLOW, SessionFlag.YELLOW_WAVING, SessionFlag.START_GO), car.flags());
        assertEquals(Set.of(EngineWarning.WATER_TEMP, EngineWarning.REPAIR_NEEDED), car.warnings());
        assertEquals(4, car.incidents());
        assertEquals(31.5, car.repairLeft());
        assertEquals(12, car.optionalRepairLeft());
        assertTrue(car.hasPressures());
        assertEquals(172.5, car.pressure(Tyre.LF));
        assertEquals(168, car.pressure(Tyre.RR));
        assertTrue(Double.isNaN(car.fuel()));
        assertFalse(car.onPitRoad());
        FuelFigures noFuel = car.fuelFigures(3, 0.05);
        assertTrue(Double.isNaN(noFuel.lapsOfFuel()) && Double.isNaN(noFuel.fuelToAdd()), "no fuel level, no figures");
    }

    @Test
    void fuelFiguresForARaceOfLaps() {
        Watch w = new Watch(RECORDING);
        Lap lap6 = lap(RECORDING, 6);
        w.until((lap6.firstRecord() + lap6.lastRecord()) / 2);
        Consumption c = w.car.consumption();
        FuelFigures f = w.car.fuelFigures(c.average5(), 0.05);
        double lapTime = FuelStats.of(w.table.laps()).averageLapTime(5);
        double lapsToGo = w.value("SessionLapsRemainEx") - w.value("LapDistPct");
        assertEquals(c.average5(), f.perLap());
        assertEquals(lapTime, f.lapTime(), 1e-12);
        assertEquals(lapsToGo, f.lapsToGo(), 1e-6);
        assertEquals(w.car.fuel() / c.average5(), f.lapsOfFuel(), 1e-9);
        assertEquals(f.lapsOfFuel() * lapTime, f.secondsOfFuel(), 1e-9);
        assertEquals(lapsToGo * c.average5(), f.fuelToFlag(), 1e-6);
        assertEquals(0, f.fuelToAdd(), "a full tank reaches the flag");
        assertFalse(f.pitWindow().needed());
    }

    @Test
    void fuelFiguresWithAStopToMake() {
        SimulatedRecording shortTank = SimulatedRecording.run(SimOptions.defaults().withLaps(8).withSeed(5)
                .withFuel(20, 20, Double.NaN).withAutoPit(false));
        Watch w = new Watch(shortTank);
        Lap lap4 = lap(shortTank, 4);
        w.until(lap4.firstRecord() + 100);
        double perLap = w.car.consumption().max();
        FuelFigures f = w.car.fuelFigures(perLap, 0.1);
        double position = w.value("LapCompleted") + w.value("LapDistPct");
        FuelFigures same = new FuelFigures().compute(perLap, f.lapTime(), w.car.tankSize(), 0.1, w.car.fuel(),
                f.lapsToGo(), position);
        assertEquals(same.pitWindow(), f.pitWindow());
        assertTrue(f.pitWindow().needed(), f.pitWindow().toString());
        assertEquals(1, f.pitWindow().stops(), "six laps at about 3.8 l with 10 l on board and a 20 l tank");
        assertEquals(f.lapsToGo() * perLap * 1.1 - w.car.fuel(), f.fuelToAdd(), 1e-9,
                "fuel to the flag with the margin less the fuel on board, not the room in the tank");
        assertTrue(f.fuelToAdd() > 20 - w.car.fuel(), "more than the room left: " + f.fuelToAdd());
    }

    @Test
    void fuelFiguresForATimedRace() {
        SimulatedRecording timed = SimulatedRecording.run(SimOptions.defaults().withDuration(900).withSeed(2));
        Watch w = new Watch(timed);
        Lap lap4 = lap(timed, 4);
        w.until(lap4.firstRecord() + 200);
        FuelFigures f = w.car.fuelFigures(w.car.consumption().average3(), 0);
        double expected = FuelFigures.timedLapsToGo(w.value("SessionTimeRemain"), f.lapTime(),
                w.value("LapDistPct"));
        assertEquals(expected, f.lapsToGo(), 1e-9);
        assertTrue(f.lapsToGo() > 3 && f.lapsToGo() < 6, "about 900 s less three laps of 110 s: " + f.lapsToGo());
    }

    @Test
    void noFiguresBeforeACleanLap() {
        Watch w = new Watch(RECORDING).until(3000);
        assertEquals(0, w.car.consumption().laps());
        FuelFigures f = w.car.fuelFigures(w.car.consumption().average5(), 0.05);
        assertTrue(Double.isNaN(f.fuelToFlag()) && Double.isNaN(f.lapsOfFuel()));
        assertNull(f.pitWindow());
    }

    private static Lap lap(Recording r, int number) {
        Watch w = new Watch(r).until(r.recordCount());
        return w.table.laps().stream().filter(l -> l.number() == number).findFirst().orElseThrow();
    }

    private static ChannelDescriptor channel(String name, ChannelType type) {
        return new ChannelDescriptor(name, type, 1, false, "", "", 0);
    }

    private static void put(Frame frame, String name, double value) {
        Rows.put(frame.row(), 0, frame.layout().require(name), 0, value);
    }
}
