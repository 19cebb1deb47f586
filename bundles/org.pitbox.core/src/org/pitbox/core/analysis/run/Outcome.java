package org.pitbox.core.analysis.run;

import java.time.Duration;

import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisResult;

/**
 * How one run of an analysis ended. {@code result} is set only when {@link Status#OK}; otherwise
 * {@code message} says why, and {@code exception} names the class thrown (null unless FAILED).
 */
public record Outcome(AnalysisInfo info, Status status, AnalysisResult result, String message, String exception,
        Duration duration) {

    public enum Status {
        OK,
        /** The session lacks a channel the analysis requires; it was not run. */
        SKIPPED,
        /** The analysis threw, or returned no result. */
        FAILED,
        /** The analysis did not finish within the time limit. */
        TIMED_OUT,
        CANCELLED
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** One line for people: which analysis, from whom, and how it ended. */
    public String headline() {
        String who = info.name() + " (" + info.id() + (info.provider().isEmpty() ? "" : ", " + info.provider()) + ")";
        return switch (status) {
            case OK -> who + ": done in " + duration.toMillis() + " ms";
            case SKIPPED -> who + ": skipped: " + message;
            case FAILED -> who + " failed: " + (exception == null ? message : exception + ": " + message);
            case TIMED_OUT -> who + " timed out: " + message;
            case CANCELLED -> who + ": cancelled";
        };
    }
}
