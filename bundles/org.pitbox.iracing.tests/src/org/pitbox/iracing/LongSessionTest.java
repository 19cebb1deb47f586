package org.pitbox.iracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.Tracks;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.ibt.SimulatedIbt;

/** A six-hour race streamed from the simulator into an .ibt (about 260 MB), read back and segmented. */
class LongSessionTest {
    private static final double SIX_HOURS = 6 * 3600;

    @Test
    void sixHourRaceWritesReadsAndSegments(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("six-hours.ibt");
        SimulatedIbt.write(SimOptions.defaults().withTrack(Tracks.RED_BULL_RING).withDuration(SIX_HOURS)
                .withAutoPit(true).withSeed(6), file, 1_764_000_000L);
        try (IbtFile ibt = IbtFile.open(file)) {
            assertTrue(ibt.header().finalised());
            assertTrue(ibt.recordCount() >= SIX_HOURS * 60, "records: " + ibt.recordCount());
            IbtSummary summary = IbtSummary.of(ibt);
            List<Lap> laps = summary.laps();
            long clean = laps.stream().filter(Lap::isClean).count();
            long refuels = laps.stream().filter(l -> l.has(Lap.Flag.REFUEL)).count();
            assertTrue(clean > 200, "clean laps in six hours at the Red Bull Ring: " + clean);
            assertTrue(refuels >= 3, "a six-hour race stops for fuel: " + refuels);
            assertEquals(ibt.header().lapCount(), laps.stream().mapToInt(Lap::number).distinct().count());
            FuelStats fuel = FuelStats.of(laps);
            assertTrue(fuel.average(10) > 0 && fuel.average(10) < 5, "litres per lap " + fuel.average(10));
        }
    }
}
