package org.pitbox.core.analysis;

/**
 * An analysis of a recorded session, offered as an OSGi service:
 * {@code @Component(service = Analysis.class)}. It returns data, never widgets. It may run on any thread,
 * several times at once on different sessions, so keep it free of mutable state.
 */
public interface Analysis {

    /** What the analysis is and needs; called often, so return a constant. */
    AnalysisInfo describe();

    /**
     * Analyses {@code session}. Report progress and return early (or throw
     * {@link java.util.concurrent.CancellationException}) once {@link AnalysisMonitor#isCancelled()}.
     * Exceptions are shown to the user with the analysis's name.
     */
    AnalysisResult run(SessionData session, AnalysisMonitor monitor) throws Exception;
}
