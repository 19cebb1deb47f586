package org.pitbox.core.analysis;

import java.util.concurrent.CancellationException;

/** Where an analysis reports progress and learns that it should stop. */
public interface AnalysisMonitor {

    /** A monitor that ignores progress and never cancels: for tests and scripts. */
    AnalysisMonitor NONE = new AnalysisMonitor() {
        @Override
        public void progress(int done, int total, String message) {
            // nobody listens
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} units of work are finished; {@code message} says what is being done. */
    void progress(int done, int total, String message);

    /** True once the user cancelled or the time ran out: return as soon as possible. */
    boolean isCancelled();

    /** Throws {@link CancellationException} when cancelled: call it between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException();
        }
    }
}
