package org.pitbox.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.Recording;

class LiveLapTest {
    private static final SimulatedRecording RUN = SimulatedRecording.run(
            SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(6).withSeed(11));

    @Test
    void agreesWithTheSegmentedRecording() {
        List<Lap> laps = new LapSegmenter().segment(RUN);
        LiveLap live = new LiveLap(RUN.layout());
        List<Lap> ended = new ArrayList<>();
        feed(RUN, live, ended);
        assertEquals(laps.subList(0, laps.size() - 1), ended, "every lap but the one still going");
        Lap best = laps.stream().filter(Lap::isClean).min((a, b) -> Double.compare(a.lapTime(), b.lapTime()))
                .orElseThrow();
        assertEquals(best.lapTime(), live.bestLapTime(), 1e-9);
        FuelStats file = FuelStats.of(laps);
        assertEquals(file.average(5), live.fuelStats().average(5), 1e-12, "fuel per lap, live and recorded");
        assertEquals(file.laps(), live.fuelStats().laps());
        FuelFigures f = live.figures(new FuelFigures(), file.average(5), 0);
        assertEquals(live.fuel() / file.average(5), f.lapsOfFuel(), 1e-9);
    }

    @Test
    void theBestLapDrivenAgainHasNoDelta() {
        LiveLap live = new LiveLap(RUN.layout());
        feed(RUN, live, new ArrayList<>());
        Lap best = new LapSegmenter().segment(RUN).stream().filter(Lap::isClean)
                .min((a, b) -> Double.compare(a.lapTime(), b.lapTime())).orElseThrow();
        Frame frame = new Frame(RUN.layout());
        for (int r = 0; r <= best.lastRecord(); r++) {
            frame.row().put(0, RUN.rows(), RUN.rowStart(r), RUN.layout().rowLength());
            live.update(frame);
            if (r > best.firstRecord() + 10) {
                assertEquals(0, live.delta(), 0.02, "the best lap against itself, record " + r);
            }
        }
    }

    /** The overlay reads the newest row at the display's pace: a stalled display skips rows, not laps. */
    @Test
    void aDisplayThatStallsForTwoSecondsStillSeesEveryLap() {
        List<Lap> laps = new LapSegmenter().segment(RUN);
        LiveLap live = new LiveLap(RUN.layout());
        Frame frame = new Frame(RUN.layout());
        int ended = 0;
        for (int i = 0; i < RUN.recordCount(); i++) {
            if (i % 1500 > 1379) {
                continue; // 2 s of rows never read, every 25 s
            }
            frame.row().put(0, RUN.rows(), RUN.rowStart(i), RUN.layout().rowLength());
            frame.setTick(i);
            live.update(frame);
            if (live.lapEnded()) {
                Lap lap = live.endedLap();
                assertEquals(laps.get(ended).flags(), lap.flags(), "lap " + lap.number());
                assertEquals(laps.get(ended++).lapTime(), lap.lapTime(), 0.25, "lap " + lap.number());
            }
        }
        assertEquals(laps.size() - 1, ended, "every lap but the one still going");
        assertEquals(laps.get(laps.size() - 2).lapTime(), live.lastLapTime(), 0.25);
    }

    /** A timed race: laps to go count down to the flag and are none once the checkered flag is out. */
    @Test
    void noLapsToGoAfterTheCheckeredFlag() {
        SimulatedRecording race = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withDuration(120).withSeed(3));
        ChannelLayout layout = race.layout();
        LiveLap live = new LiveLap(layout);
        Frame frame = new Frame(layout);
        var flags = layout.require("SessionFlags");
        boolean sawFlag = false;
        double before = 0;
        for (int i = 0; i < race.recordCount(); i++) {
            frame.row().put(0, race.rows(), race.rowStart(i), layout.rowLength());
            live.update(frame);
            boolean checkered = ((long) frame.value(flags, 0) & 1) != 0;
            if (checkered) {
                sawFlag = true;
                assertEquals(0, live.lapsToGo(), "record " + i);
            } else if (live.lapsToGo() > before) {
                before = live.lapsToGo();
            }
        }
        assertTrue(sawFlag, "the race ends with the checkered flag");
        assertTrue(before > 1, "laps to go before the flag: " + before);
    }

    @Test
    void toleratesLayoutsWithoutLapChannels() {
        LiveLap live = new LiveLap(new ChannelLayout(List.of(), 0));
        live.update(new Frame(TelemetrySimulator.layout()));
        assertTrue(Double.isNaN(live.lapTime()));
        assertTrue(Double.isNaN(live.delta()));
        assertTrue(Double.isNaN(live.lapsToGo()));
    }

    /** Every row of {@code r} through {@code live}, collecting the laps it ends. */
    static void feed(Recording r, LiveLap live, List<Lap> ended) {
        Frame frame = new Frame(r.layout());
        for (int i = 0; i < r.recordCount(); i++) {
            frame.row().put(0, r.rows(), r.rowStart(i), r.layout().rowLength());
            frame.setTick(i);
            live.update(frame);
            if (live.lapEnded()) {
                ended.add(live.endedLap());
            }
        }
    }
}
