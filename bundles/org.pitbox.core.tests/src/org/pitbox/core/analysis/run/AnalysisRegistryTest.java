package org.pitbox.core.analysis.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.Sessions;
import org.pitbox.core.analysis.run.Outcome.Status;

class AnalysisRegistryTest {
    private static final AnalysisResult DONE = AnalysisResult.builder().build();

    @Test
    void analysesComeAndGoAndListenersHear() {
        AnalysisRegistry registry = new AnalysisRegistry();
        AtomicInteger changes = new AtomicInteger();
        Runnable listener = changes::incrementAndGet;
        registry.addListener(listener);
        Analysis b = new TestAnalysis("b", (s, m) -> DONE);
        Analysis a = new TestAnalysis("a", (s, m) -> DONE);
        registry.add(b);
        registry.add(a);
        assertEquals(List.of(a, b), registry.list(), "by name");
        assertEquals(b, registry.find("b").orElseThrow());
        registry.remove(b);
        registry.remove(b);
        assertEquals(List.of(a), registry.list());
        assertTrue(registry.find("b").isEmpty());
        assertEquals(3, changes.get());
        registry.removeListener(listener);
        registry.add(b);
        assertEquals(3, changes.get());
    }

    @Test
    void anUpdateReplacesAnAnalysisWhileItRuns() throws Exception {
        AnalysisRegistry registry = new AnalysisRegistry();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Analysis v1 = new TestAnalysis("gears", (s, m) -> {
            running.countDown();
            finish.await();
            return AnalysisResult.builder().summary("v1").build();
        });
        Analysis v2 = new TestAnalysis("gears", (s, m) -> AnalysisResult.builder().summary("v2").build());
        registry.add(v1);
        try (AnalysisRunner runner = new AnalysisRunner()) {
            AnalysisRunner.Job job = runner.start(registry.find("gears").orElseThrow(), Sessions.monza(), null);
            assertTrue(running.await(5, TimeUnit.SECONDS));
            registry.add(v2);
            registry.remove(v1);
            assertEquals(List.of(v2), registry.list());
            finish.countDown();
            Outcome old = job.outcome().join();
            assertEquals(Status.OK, old.status());
            assertEquals("v1", old.result().summary(), "the running version finishes");
            assertEquals("v2", runner.run(registry.find("gears").orElseThrow(), Sessions.monza()).result().summary());
        }
    }

    @Test
    void theNewestOfTwoWithOneIdIsFound() {
        AnalysisRegistry registry = new AnalysisRegistry();
        Analysis old = new TestAnalysis("x", (s, m) -> DONE);
        Analysis updated = new TestAnalysis("x", (s, m) -> DONE);
        registry.add(old);
        registry.add(updated);
        assertEquals(updated, registry.find("x").orElseThrow());
    }
}
