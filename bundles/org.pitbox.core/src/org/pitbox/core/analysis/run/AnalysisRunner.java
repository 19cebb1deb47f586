package org.pitbox.core.analysis.run;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisMonitor;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.run.Outcome.Status;

/**
 * Runs analyses on daemon threads, each with a time limit. Whatever an analysis does (throws, returns null,
 * never returns) ends in an {@link Outcome} naming it; nothing propagates to the caller. An analysis that
 * ignores cancellation keeps its thread until it returns, but its job is finished at the time limit.
 */
public final class AnalysisRunner implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Progress of a running analysis, as a fraction 0..1; called on the analysis's thread. */
    public interface Listener {
        void progress(AnalysisInfo info, double fraction, String message);
    }

    private final Duration timeout;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemons("pitbox-analysis-"));
    private final ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1, daemons("pitbox-analysis-clock-"));

    public AnalysisRunner() {
        this(DEFAULT_TIMEOUT);
    }

    public AnalysisRunner(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        clock.setRemoveOnCancelPolicy(true);
    }

    /** Starts {@code analysis} on {@code session}; {@code listener} may be null. */
    public Job start(Analysis analysis, SessionData session, Listener listener) {
        Described d = Described.of(analysis);
        Job job = new Job(d.info, listener);
        if (d.error != null) {
            job.fail(d.error);
            return job;
        }
        List<String> missing = d.info.requiredChannels().stream().filter(c -> !session.has(c)).toList();
        if (!missing.isEmpty()) {
            job.finish(Status.SKIPPED, null, "the session has no " + String.join(", ", missing), null);
            return job;
        }
        try {
            workers.execute(() -> job.execute(analysis, session));
            ScheduledFuture<?> limit = clock.schedule(job::timeOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
            job.outcome.whenComplete((o, e) -> limit.cancel(false));
        } catch (RejectedExecutionException e) {
            job.finish(Status.FAILED, null, "the runner is closed", null);
        }
        return job;
    }

    /** Runs one analysis and waits for its outcome. */
    public Outcome run(Analysis analysis, SessionData session) {
        return start(analysis, session, null).outcome().join();
    }

    /** Runs the analyses side by side and waits for all; outcomes in the order given. */
    public List<Outcome> runAll(List<Analysis> analyses, SessionData session, Listener listener) {
        List<Job> jobs = analyses.stream().map(a -> start(a, session, listener)).toList();
        return jobs.stream().map(j -> j.outcome().join()).toList();
    }

    /** {@link Analysis#describe()} that never throws: a broken plugin is described by its class and failure. */
    public static AnalysisInfo describe(Analysis analysis) {
        return Described.of(analysis).info;
    }

    /** Stops the threads; analyses still running are left to finish on their own. */
    @Override
    public void close() {
        workers.shutdown();
        clock.shutdownNow();
    }

    /** One run: its monitor, its outcome, and cancellation. */
    public static final class Job {
        private final AnalysisInfo info;
        private final Listener listener;
        private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        private final long started = System.nanoTime();
        private volatile boolean cancelled;
        private final AnalysisMonitor monitor = new AnalysisMonitor() {
            @Override
            public void progress(int done, int total, String message) {
                if (listener != null && !outcome.isDone()) {
                    listener.progress(info, total > 0 ? Math.max(0, Math.min(1, (double) done / total)) : 0, message);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };

        private Job(AnalysisInfo info, Listener listener) {
            this.info = info;
            this.listener = listener;
        }

        public AnalysisInfo info() {
            return info;
        }

        /** Completes once the analysis ends, fails, times out or is cancelled; never exceptionally. */
        public CompletableFuture<Outcome> outcome() {
            return outcome.copy();
        }

        /** Asks the analysis to stop and finishes the job as cancelled at once. */
        public void cancel() {
            cancelled = true;
            finish(Status.CANCELLED, null, "cancelled", null);
        }

        private void execute(Analysis analysis, SessionData session) {
            if (cancelled) {
                return;
            }
            try {
                AnalysisResult result = analysis.run(session, monitor);
                if (result == null) {
                    finish(Status.FAILED, null, "returned no result", null);
                } else {
                    finish(Status.OK, result, null, null);
                }
            } catch (CancellationException e) {
                finish(Status.CANCELLED, null, "cancelled", null);
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void timeOut() {
            cancelled = true;
            finish(Status.TIMED_OUT, null, "no result after " + seconds() + " s", null);
        }

        private String seconds() {
            return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9);
        }

        private void fail(Throwable e) {
            String message = e.getMessage() != null ? e.getMessage() : "no message";
            finish(Status.FAILED, null, message, e.getClass().getName());
        }

        private void finish(Status status, AnalysisResult result, String message, String exception) {
            outcome.complete(new Outcome(info, status, result, message, exception,
                    Duration.ofNanos(System.nanoTime() - started)));
        }
    }

    /** The info of an analysis, or a stand-in and the error when describe() fails. */
    private record Described(AnalysisInfo info, Throwable error) {
        static Described of(Analysis a) {
            Throwable error;
            try {
                AnalysisInfo info = a.describe();
                if (info != null) {
                    return new Described(info, null);
                }
                error = new IllegalStateException("describe() returned null");
            } catch (RuntimeException | LinkageError e) {
                error = e;
            }
            String type = a.getClass().getName();
            return new Described(new AnalysisInfo(type, a.getClass().getSimpleName(),
                    "cannot describe itself: " + error, "", "", List.of(), Set.of()), error);
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
