package org.pitbox.core.analysis.run;

import java.util.List;
import java.util.Set;

import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.SessionData;

/** An analysis whose behaviour a test gives as a lambda. */
final class TestAnalysis implements Analysis {
    interface Body {
        AnalysisResult run(SessionData s, AnalysisMonitor m) throws Exception;
    }

    private final AnalysisInfo info;
    private final Body body;

    TestAnalysis(String id, List<String> channels, Body body) {
        this.info = new AnalysisInfo(id, "Test " + id, "", "1.0.0", "Tests", channels, Set.of());
        this.body = body;
    }

    TestAnalysis(String id, Body body) {
        this(id, List.of(), body);
    }

    @Override
    public AnalysisInfo describe() {
        return info;
    }

    @Override
    public AnalysisResult run(SessionData s, AnalysisMonitor m) throws Exception {
        return body.run(s, m);
    }
}
