package org.pitbox.iracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.builtin.TyreAnalysis;
import org.pitbox.core.coach.Coach;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.testdata.Frames;
import org.pitbox.iracing.testdata.SharedData;

/**
 * Tyre temperatures of real recordings: iRacing writes carcass temperatures (LFtempCM...) that change only in the
 * pit stall, so a lap's figure comes from the surface ones (LFtempM...), which follow the lap.
 */
class RealTyreTempsTest {
    private static final String[] TYRES = {"LF", "RF", "LR", "RR"};

    @ParameterizedTest
    @MethodSource("org.pitbox.iracing.testdata.SharedData#ibtFiles")
    void theCoachsLapTyreTemperatureIsTheSurfaceMeanOverTheLap(String name) throws Exception {
        try (IbtFile ibt = IbtFile.open(SharedData.iracing("ibt/" + name))) {
            assumeTrue(ibt.layout().has("LFtempM"), name + " has no surface temperatures");
            Coach coach = SessionCoach.of(ibt, 0);
            Frames.each(ibt, frame -> {
                coach.update(frame);
                if (coach.lapEnded()) {
                    Lap lap = coach.state().lastLap();
                    for (String tyre : TYRES) {
                        String id = "lap" + lap.number() + ".tyre." + tyre.toLowerCase(Locale.ROOT) + ".temp";
                        assertEquals(surfaceMean(ibt, tyre, lap), coach.state().facts().value(id), 1e-3, id);
                    }
                }
            });
            String summary = new TyreAnalysis().run(IbtSummary.of(ibt).sessionData(ibt), AnalysisMonitor.NONE)
                    .summary();
            assertTrue(summary.startsWith("surface"), summary);
        }
    }

    private static double surfaceMean(IbtFile ibt, String tyre, Lap lap) {
        double sum = 0;
        for (String zone : new String[] {"L", "M", "R"}) {
            ChannelDescriptor c = ibt.layout().require(tyre + "temp" + zone);
            for (int r = lap.firstRecord(); r <= lap.lastRecord(); r++) {
                sum += ibt.value(r, c, 0);
            }
        }
        return sum / 3 / (lap.lastRecord() - lap.firstRecord() + 1);
    }
}
