package org.pitbox.core.engineer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;

class SectorSplitsTest {
    @Test
    void readsTheSplitsOfTheSessionInfo() {
        String yaml = new TelemetrySimulator(SimOptions.defaults()).sessionInfoYaml();
        assertEquals(Tracks.MONZA.sectorStarts(), SectorSplits.of(yaml));
        assertEquals(List.of(0.0, 0.5), SectorSplits.of("---\nSplitTimeInfo:\n Sectors:\n - SectorNum: 0\n"
                + "   SectorStartPct: 0.000\n - SectorNum: 1\n   SectorStartPct: 0.500\n\nDriverInfo:\n"));
    }

    @Test
    void addsTheLineWhenTheFirstSectorDoesNotStartThere() {
        assertEquals(List.of(0.0, 0.3, 0.6),
                SectorSplits.of("SplitTimeInfo:\n Sectors:\n - SectorStartPct: 0.3\n - SectorStartPct: 0.6\n"));
    }

    @Test
    void fallsBackToThirds() {
        assertEquals(SectorSplits.THIRDS, SectorSplits.of(null));
        assertEquals(SectorSplits.THIRDS, SectorSplits.of(""));
        assertEquals(SectorSplits.THIRDS, SectorSplits.of("SplitTimeInfo:\n Sectors:\n - SectorStartPct: 0.000\n"),
                "one sector is no split");
        assertEquals(SectorSplits.THIRDS, SectorSplits.of(
                "SplitTimeInfo:\n Sectors:\n - SectorStartPct: 0.6\n - SectorStartPct: 0.3\n"), "not rising");
        assertEquals(SectorSplits.THIRDS, SectorSplits.of("SplitTimeInfo:\n Sectors:\n - SectorStartPct: x\n"));
        assertEquals(SectorSplits.THIRDS, SectorSplits.of("Other:\n SectorStartPct: 0.5\nSplitTimeInfo:\n"),
                "only SplitTimeInfo counts");
    }
}
