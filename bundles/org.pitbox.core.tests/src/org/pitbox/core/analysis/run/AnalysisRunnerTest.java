package org.pitbox.core.analysis.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.analysis.Sessions;
import org.pitbox.core.analysis.run.Outcome.Status;

class AnalysisRunnerTest {
    private static final SessionData SESSION = Sessions.monza();
    private static final AnalysisResult DONE = AnalysisResult.builder().summary("done").build();

    private final AnalysisRunner runner = new AnalysisRunner(Duration.ofMillis(500));

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aResultComesBackWithItsProgress() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Analysis a = new TestAnalysis("steps", (s, m) -> {
            for (int i = 0; i < 4; i++) {
                m.progress(i, 4, "step " + i);
            }
            return DONE;
        });
        Outcome o = runner.start(a, SESSION, (info, f, msg) -> seen.add(info.id() + " " + f + " " + msg)).outcome().join();
        assertEquals(Status.OK, o.status());
        assertEquals("done", o.result().summary());
        assertEquals(List.of("steps 0.0 step 0", "steps 0.25 step 1", "steps 0.5 step 2", "steps 0.75 step 3"), seen);
        assertTrue(o.headline().startsWith("Test steps (steps, Tests): done in"), o.headline());
    }

    @Test
    void aThrowingAnalysisFailsWithItsNameAndReason() {
        Outcome o = runner.run(new TestAnalysis("boom", (s, m) -> {
            throw new IllegalStateException("no brakes");
        }), SESSION);
        assertEquals(Status.FAILED, o.status());
        assertNull(o.result());
        assertEquals("no brakes", o.message());
        assertEquals(IllegalStateException.class.getName(), o.exception());
        assertEquals("Test boom (boom, Tests) failed: java.lang.IllegalStateException: no brakes", o.headline());
    }

    @Test
    void errorsAndMissingResultsFailToo() {
        assertEquals(Status.FAILED, runner.run(new TestAnalysis("deep", (s, m) -> {
            throw new StackOverflowError();
        }), SESSION).status());
        Outcome none = runner.run(new TestAnalysis("null", (s, m) -> null), SESSION);
        assertEquals(Status.FAILED, none.status());
        assertEquals("returned no result", none.message());
    }

    @Test
    void anAnalysisThatIgnoresCancellationTimesOut() {
        AtomicBoolean told = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        Outcome o = runner.run(new TestAnalysis("endless", (s, m) -> {
            while (release.getCount() > 0) {
                told.set(m.isCancelled());
                Thread.onSpinWait();
            }
            return DONE;
        }), SESSION);
        assertEquals(Status.TIMED_OUT, o.status());
        assertTrue(o.duration().toMillis() >= 500, o.duration().toString());
        assertTrue(o.headline().contains("endless") && o.headline().contains("timed out"), o.headline());
        release.countDown();
        assertTrue(runner.run(new TestAnalysis("after", (s, m) -> DONE), SESSION).ok(), "the runner still works");
    }

    @Test
    void cancellingStopsAnAnalysisThatChecks() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AnalysisRunner.Job job = runner.start(new TestAnalysis("polite", (s, m) -> {
            running.countDown();
            try {
                while (true) {
                    m.checkCancelled();
                    Thread.sleep(1);
                }
            } finally {
                stopped.countDown();
            }
        }), SESSION, null);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        job.cancel();
        assertEquals(Status.CANCELLED, job.outcome().join().status());
        assertTrue(stopped.await(5, TimeUnit.SECONDS), "the analysis saw the cancellation and returned");
    }

    @Test
    void aSessionWithoutARequiredChannelIsSkipped() {
        Outcome o = runner.run(new TestAnalysis("tyres", List.of("Speed", "LFtempXX", "RFtempXX"), (s, m) -> DONE),
                SESSION);
        assertEquals(Status.SKIPPED, o.status());
        assertEquals("the session has no LFtempXX, RFtempXX", o.message());
    }

    @Test
    void aPluginThatCannotDescribeItselfIsNamedByItsClass() {
        Analysis broken = new Analysis() {
            @Override
            public AnalysisInfo describe() {
                throw new NoClassDefFoundError("com/example/Gone");
            }

            @Override
            public AnalysisResult run(SessionData s, org.pitbox.core.analysis.AnalysisMonitor m) {
                return DONE;
            }
        };
        Outcome o = runner.run(broken, SESSION);
        assertEquals(Status.FAILED, o.status());
        assertEquals(broken.getClass().getName(), o.info().id());
        assertEquals(NoClassDefFoundError.class.getName(), o.exception());
        assertEquals(broken.getClass().getName(), AnalysisRunner.describe(broken).id());
    }

    @Test
    void oneBadAnalysisDoesNotSpoilTheOthers() {
        List<Outcome> all = runner.runAll(List.of(new TestAnalysis("a", (s, m) -> DONE),
                new TestAnalysis("b", (s, m) -> {
                    throw new RuntimeException("b broke");
                }), new TestAnalysis("c", (s, m) -> {
                    Thread.sleep(60_000);
                    return DONE;
                }), new TestAnalysis("d", (s, m) -> DONE)), SESSION, null);
        assertEquals(List.of("a", "b", "c", "d"), all.stream().map(o -> o.info().id()).toList());
        assertEquals(List.of(Status.OK, Status.FAILED, Status.TIMED_OUT, Status.OK),
                all.stream().map(Outcome::status).toList());
    }

    @Test
    void aClosedRunnerFailsNewJobs() {
        runner.close();
        assertEquals("the runner is closed", runner.run(new TestAnalysis("late", (s, m) -> DONE), SESSION).message());
    }
}
