package org.pitbox.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.testing.EditableRecording;

class OverlayModelTest {
    private static final SimulatedRecording RUN = SimulatedRecording.run(
            SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(6).withSeed(11));

    @Test
    void showsWhatTheSimulatorDrives() {
        OverlayModel model = new OverlayModel();
        model.setShiftRpm(0, 7275, 0);
        Frame frame = new Frame(RUN.layout());
        double maxSpeed = 0;
        int maxLights = 0;
        double worstDelta = 0;
        for (int r = 0; r < RUN.recordCount(); r++) {
            replay(frame, r, model);
            maxSpeed = Math.max(maxSpeed, model.speed());
            maxLights = Math.max(maxLights, model.shiftLights());
            boolean racing = r > RUN.recordCount() / 3 && r < RUN.recordCount() * 2 / 3;
            if (racing && !Double.isNaN(model.delta()) && model.lapTime() > 5) {
                worstDelta = Math.max(worstDelta, Math.abs(model.delta()));
            }
            if (r == RUN.recordCount() / 2) {
                assertTrue(model.speed() > 0 && model.rpm() > 0 && model.gear() > 0, "driving at half distance");
                assertTrue(model.bestLap() > 0 && model.lastLap() >= model.bestLap(), "lap times " + model.lastLap());
                assertTrue(model.averageLapFuel() > 0 && model.lapsOfFuel() > 0, "fuel use " + model.averageLapFuel());
                assertTrue(model.fuelToFlag() > 0, "fuel to the flag " + model.fuelToFlag());
                assertEquals(Math.max(0, model.fuelToFlag() * 1.05 - model.fuel()), model.fuelToAdd(), 1e-9);
                assertEquals(OverlayModel.TRACE, model.throttleTrace().size());
            }
        }
        assertTrue(maxSpeed > 30, "top speed " + maxSpeed);
        assertEquals(OverlayModel.LIGHTS, maxLights, "all shift lights at the shift point");
        assertTrue(worstDelta > 0 && worstDelta < 3, "delta to the session best in mid race " + worstDelta);
        assertEquals(0, model.relative().rows(), "the simulator has no CarIdx arrays");
    }

    @Test
    void updatesWithoutAllocating() {
        OverlayModel model = new OverlayModel();
        Frame frame = new Frame(RUN.layout());
        for (int pass = 0; pass < 3; pass++) {
            for (int r = 0; r < RUN.recordCount(); r++) {
                replay(frame, r, model);
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int r = 0; r < RUN.recordCount(); r++) {
            replay(frame, r, model);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 1024, RUN.recordCount() + " updates allocated " + allocated + " bytes");
        System.out.println("OverlayModel: " + RUN.recordCount() + " updates allocated " + allocated + " bytes");
    }

    @Test
    void textsAreBuiltOnlyWhenTheShownFigureChanges() {
        OverlayModel model = new OverlayModel();
        Frame frame = new Frame(RUN.layout());
        replay(frame, 2000, model);
        String speed = model.speedText();
        assertSame(speed, model.speedText());
        assertEquals(Long.toString(Math.round(model.speed() * 3.6)), speed);
        assertTrue(model.lapTimeText().matches("\\d+:\\d\\d\\.\\d"), model.lapTimeText());
        assertTrue(model.fuelText().matches("\\d+\\.\\d"), model.fuelText());
        assertEquals("--", model.deltaText(), "no best lap yet");
    }

    @Test
    void formatsFigures() {
        OverlayModel model = new OverlayModel();
        assertEquals("--", model.speedText());
        assertEquals("--", model.lastLapText());
        assertEquals("N", model.gearText());
    }

    @Test
    void keepsTheLinkLineAndItsLevel() {
        OverlayModel model = new OverlayModel();
        assertEquals("Not streaming", model.linkText());
        assertEquals(LinkLevel.IDLE, model.linkLevel());
        model.setLink("LIVE  4.2 kB/s", LinkLevel.OK);
        String shown = model.linkText();
        model.setLink(new String("LIVE  4.2 kB/s"), LinkLevel.OK);
        assertSame(shown, model.linkText(), "the same text keeps its instance, so nothing repaints");
        model.setLink("Spool full: oldest data dropped", LinkLevel.BAD);
        assertEquals("Spool full: oldest data dropped", model.linkText());
        assertEquals(LinkLevel.BAD, model.linkLevel());
        model.setLink(null, null);
        assertEquals("", model.linkText());
        assertEquals(LinkLevel.IDLE, model.linkLevel(), "no level shows as idle");
    }

    @Test
    void relativeBoxOrdersNearestCars() {
        RelativeBox box = new RelativeBox();
        float[] pct = {0.50f, 0.52f, 0.45f, 0.98f, -1f, 0.60f, 0.49f, 0.51f, 0.40f};
        int[] position = {3, 2, 5, 9, 0, 1, 4, 6, 7};
        box.update(pct, position, pct.length, 0, 100);
        assertEquals(7, box.rows());
        assertEquals(3, box.playerRow());
        int[] cars = new int[box.rows()];
        for (int i = 0; i < cars.length; i++) {
            cars[i] = box.car(i);
        }
        assertEquals("[5, 1, 7, 0, 6, 2, 8]", java.util.Arrays.toString(cars));
        assertEquals(10, box.gap(0), 1e-3);
        assertEquals(-1, box.gap(4), 1e-3);
        assertEquals(1, box.position(0));
        box.update(pct, position, pct.length, 4, 100);
        assertEquals(0, box.rows(), "a player off track has no box");
    }

    @Test
    void theOutLapIsNeverTheReference() {
        List<Lap> laps = new LapSegmenter().segment(RUN);
        Lap out = laps.get(0);
        Lap firstClean = laps.get(1);
        assertTrue(out.has(Lap.Flag.OUT_LAP) && firstClean.isClean(), laps.toString());
        OverlayModel model = new OverlayModel();
        Frame frame = new Frame(RUN.layout());
        for (int r = 0; r <= firstClean.lastRecord(); r++) {
            replay(frame, r, model);
            if (r > out.lastRecord()) {
                assertTrue(Double.isNaN(model.bestLap()), "no best lap on the first lap after the out lap");
                assertTrue(Double.isNaN(model.delta()), "no delta against the out lap");
                assertEquals("--", model.deltaText());
                assertEquals("--", model.bestLapText());
            }
        }
        replay(frame, firstClean.lastRecord() + 1, model);
        assertEquals(firstClean.lapTime(), model.bestLap(), 1e-9, "the first clean lap is the first reference");
        assertEquals("Avg of 1 lap", model.averageCaption());
        assertEquals(firstClean.fuelUsed(), model.averageLapFuel(), 1e-9);
    }

    @Test
    void inAndOffTrackLapsAreNeverTheReferenceHoweverFast() {
        List<Lap> laps = new LapSegmenter().segment(RUN);
        List<Lap> clean = laps.stream().filter(Lap::isClean)
                .sorted((a, b) -> Double.compare(a.lapTime(), b.lapTime())).toList();
        Lap fastest = clean.get(0);
        Lap second = clean.get(1);
        Lap third = clean.get(2);
        EditableRecording edited = EditableRecording.slice(RUN, 0, RUN.recordCount());
        int middle = (fastest.firstRecord() + fastest.lastRecord()) / 2;
        for (int r = middle; r < middle + 30; r++) {
            edited.set(r, "PlayerTrackSurface", 0);
        }
        for (int r = second.lastRecord() - 20; r <= second.lastRecord(); r++) {
            edited.set(r, "OnPitRoad", 1);
        }
        List<Lap> flagged = new LapSegmenter().segment(edited);
        assertEquals(Set.of(Lap.Flag.OFF_TRACK), byNumber(flagged, fastest.number()).flags());
        assertEquals(Set.of(Lap.Flag.IN_LAP), byNumber(flagged, second.number()).flags());
        OverlayModel model = new OverlayModel();
        Frame frame = new Frame(edited.layout());
        for (int r = 0; r < edited.recordCount(); r++) {
            frame.row().put(0, edited.rows(), edited.rowStart(r), edited.layout().rowLength());
            model.update(frame);
        }
        assertEquals(third.lapTime(), model.bestLap(), 1e-9, "the fastest lap left that is clean");
    }

    private static Lap byNumber(List<Lap> laps, int number) {
        return laps.stream().filter(l -> l.number() == number).findFirst().orElseThrow();
    }

    private static void replay(Frame frame, int record, OverlayModel model) {
        ByteBuffer rows = RUN.rows();
        frame.row().put(0, rows, RUN.rowStart(record), RUN.layout().rowLength());
        frame.setTick(record);
        model.update(frame);
    }
}
