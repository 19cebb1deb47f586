package org.pitbox.core.analysis.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.Sessions;
import org.pitbox.core.analysis.run.AnalysisRunner;
import org.pitbox.core.analysis.run.Outcome;

class BuiltinsTest {

    @Test
    void everyBuiltinRunsOnASimulatedSessionWithProgressAndDeclaresWhatItProduces() {
        List<String> progress = new CopyOnWriteArrayList<>();
        List<Outcome> outcomes;
        try (AnalysisRunner runner = new AnalysisRunner()) {
            outcomes = runner.runAll(Builtins.all(), Sessions.monza(), (info, f, m) -> progress.add(info.id()));
        }
        assertEquals(6, outcomes.size());
        for (Outcome o : outcomes) {
            assertTrue(o.ok(), o.headline());
            AnalysisInfo i = o.info();
            assertTrue(i.id().startsWith("pitbox.") && i.version().equals("1.0.0") && i.provider().equals("PitBox"));
            assertEquals(!o.result().tables().isEmpty(), i.produces().contains(AnalysisInfo.Produces.TABLES), i.id());
            assertEquals(!o.result().figures().isEmpty(), i.produces().contains(AnalysisInfo.Produces.FIGURES), i.id());
            assertEquals(!o.result().series().isEmpty(), i.produces().contains(AnalysisInfo.Produces.SERIES), i.id());
            assertTrue(i.produces().contains(AnalysisInfo.Produces.MARKERS) || o.result().markers().isEmpty(), i.id());
            assertTrue(progress.contains(i.id()), "progress from " + i.id());
        }
        assertEquals(6, Builtins.all().stream().map(Analysis::describe).map(AnalysisInfo::id).distinct().count());
    }
}
