package org.pitbox.iracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.builtin.Builtins;
import org.pitbox.core.analysis.builtin.FuelAnalysis;
import org.pitbox.core.analysis.builtin.LapTimesAnalysis;
import org.pitbox.core.analysis.builtin.TyreAnalysis;
import org.pitbox.core.analysis.run.AnalysisRunner;
import org.pitbox.core.analysis.run.Outcome;
import org.pitbox.core.laps.Lap;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.testdata.SharedData;

/** Every built-in analysis on every real recording: none fails, and the answers agree with the laps. */
class RealAnalysesTest {

    @ParameterizedTest
    @MethodSource("org.pitbox.iracing.testdata.SharedData#ibtFiles")
    void builtinsRunOnRealRecordings(String name) throws Exception {
        try (IbtFile ibt = IbtFile.open(SharedData.iracing("ibt/" + name)); AnalysisRunner runner = new AnalysisRunner()) {
            IbtSummary summary = IbtSummary.of(ibt);
            SessionData session = summary.sessionData(ibt);
            List<Outcome> outcomes = runner.runAll(Builtins.all(), session, null);
            for (Outcome o : outcomes) {
                assertTrue(o.status() == Outcome.Status.OK || o.status() == Outcome.Status.SKIPPED, o.headline());
            }
            AnalysisResult laps = result(outcomes, LapTimesAnalysis.ID);
            assertEquals(summary.laps().size(), laps.table(LapTimesAnalysis.LAPS) == null ? 0
                    : laps.table(LapTimesAnalysis.LAPS).rows().size());
            if (laps.figure(LapTimesAnalysis.THEORETICAL) != null) {
                assertTrue(laps.figure(LapTimesAnalysis.THEORETICAL).value()
                        <= laps.figure(LapTimesAnalysis.BEST).value() + 1e-9);
            }
            AnalysisResult fuel = result(outcomes, FuelAnalysis.ID);
            if (fuel != null && !summary.laps().isEmpty()) {
                List<List<Object>> rows = fuel.table(FuelAnalysis.PER_LAP).rows();
                for (int i = 0; i < rows.size(); i++) {
                    Lap lap = summary.laps().get(i);
                    assertEquals(lap.fuelUsed(), (Double) rows.get(i).get(2), 0.0, "lap " + lap.number());
                }
            }
            boolean tyres = ibt.layout().has("LFtempL") || ibt.layout().has("LFtempCL");
            AnalysisResult tyre = result(outcomes, TyreAnalysis.ID);
            assertEquals(tyres, tyre.table(TyreAnalysis.TABLE) != null, tyre.summary());
        }
    }

    private static AnalysisResult result(List<Outcome> outcomes, String id) {
        return outcomes.stream().filter(o -> o.info().id().equals(id)).findFirst().orElseThrow().result();
    }
}
