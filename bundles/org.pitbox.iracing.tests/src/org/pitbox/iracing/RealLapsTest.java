package org.pitbox.iracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.live.LiveLap;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.testdata.Frames;
import org.pitbox.iracing.testdata.SharedData;

/** Laps of every real recording, checked against what iRacing itself wrote into the file. */
class RealLapsTest {
    /** Old recordings hold a row or two with Lap 0 while the car is reset; they are no lap. */
    private static final long JUNK_ROWS = 2;

    @ParameterizedTest
    @MethodSource("org.pitbox.iracing.testdata.SharedData#ibtFiles")
    void lapsMatchTheSimsOwnLapCountAndLapTimes(String name) throws Exception {
        Path file = SharedData.iracing("ibt/" + name);
        try (IbtFile ibt = IbtFile.open(file)) {
            IbtSummary summary = IbtSummary.of(ibt);
            List<Lap> laps = summary.laps();
            Map<Integer, Long> rowsPerLap = Arrays.stream(ibt.ints(ibt.layout().require("Lap"), 0)).boxed()
                    .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
            assertEquals(ibt.header().lapCount(), rowsPerLap.size(), "the sim's lap count is its distinct Lap values");
            Set<Integer> real = rowsPerLap.entrySet().stream().filter(e -> e.getValue() > JUNK_ROWS)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertEquals(real, laps.stream().map(Lap::number).collect(Collectors.toSet()),
                    "every lap with more than a stray row or two is segmented");
            for (Lap lap : laps) {
                assertTrue(lap.firstRecord() <= lap.lastRecord() && lap.lastRecord() < ibt.recordCount(), lap.toString());
                assertTrue(lap.lapTime() >= 0, lap.toString());
            }
            ChannelDescriptor last = ibt.layout().require("LapLastLapTime");
            for (int k = 0; k + 1 < laps.size(); k++) {
                Lap lap = laps.get(k);
                if (!lap.isClean()) {
                    continue;
                }
                Lap next = laps.get(k + 1);
                if (next.number() != lap.number() + 1) {
                    continue;
                }
                // iRacing updates LapLastLapTime a while after the line; by the end of the next lap it holds this lap
                double sims = ibt.value(next.lastRecord(), last, 0);
                if (sims <= 0) {
                    continue; // iRacing wrote no time for this lap (-1)
                }
                assertEquals(sims, lap.lapTime(), 1.0 / 60, "lap " + lap.number() + " against iRacing's LapLastLapTime");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.pitbox.iracing.testdata.SharedData#ibtFiles")
    void theLiveLapsAreTheStoredLaps(String name) throws Exception {
        try (IbtFile ibt = IbtFile.open(SharedData.iracing("ibt/" + name))) {
            List<Double> sectors = IbtSummary.of(ibt).info().sectors().stream().map(s -> s.startPct()).toList();
            List<Lap> stored = new LapSegmenter(sectors).segment(ibt);
            LiveLap live = new LiveLap(ibt.layout(), sectors);
            List<Lap> ended = new ArrayList<>();
            Frames.each(ibt, frame -> {
                live.update(frame);
                if (live.lapEnded()) {
                    ended.add(live.endedLap());
                }
            });
            // the live tracker has no end of data: the lap in progress is the stored file's last lap
            assertEquals(stored.size() - 1, ended.size(), "laps ended live");
            for (int k = 0; k < ended.size(); k++) {
                Lap s = stored.get(k);
                Lap l = ended.get(k);
                assertEquals(s.number(), l.number());
                assertEquals(s.lapTime(), l.lapTime(), 1.0 / 60, "lap " + s.number());
                assertEquals(s.fuelUsed(), l.fuelUsed(), 1e-4, "fuel of lap " + s.number());
                assertEquals(s.flags(), l.flags(), "lap " + s.number());
            }
            if (!stored.isEmpty()) {
                assertEquals(stored.get(stored.size() - 1).number(), live.lap(), "lap in progress");
            }
        }
    }
}
