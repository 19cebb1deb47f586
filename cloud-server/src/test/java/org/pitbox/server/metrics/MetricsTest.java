package org.pitbox.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void aMetricKeepsAtMostMaxSeriesAndCountsTheRestUnderOther() {
        try (Metrics metrics = new Metrics()) {
            Metrics.Counter counter = metrics.counter("test_total", "test", "value");
            Metrics.Histogram histogram = metrics.histogram("test_seconds", "test", new double[] {1}, "value");
            int distinct = Metrics.MAX_SERIES + 500;
            for (int i = 0; i < distinct; i++) {
                counter.inc("v" + i);
                histogram.observe(0.5, "v" + i);
            }
            counter.inc("v0");
            String text = metrics.text();
            assertEquals(Metrics.MAX_SERIES + 1, text.lines().filter(l -> l.startsWith("test_total{")).count());
            assertEquals(Metrics.MAX_SERIES + 1, text.lines().filter(l -> l.startsWith("test_seconds_count{")).count());
            assertEquals(500, counter.get(Metrics.OVERFLOW));
            assertEquals(2, counter.get("v0"), "an existing series still counts");
            assertTrue(text.contains("test_seconds_count{value=\"other\"} 500"), text);
        }
    }

    @Test
    void countersTimersAndGaugesShowUnderTheirPrometheusNames() {
        try (Metrics metrics = new Metrics()) {
            Metrics.Counter plain = metrics.counter("test_events_total", "events");
            metrics.counter("test_calls_total", "calls", "provider").add(3, "a");
            metrics.timer("test_call_duration_seconds", "calls", "provider").record(Duration.ofMillis(30), "a");
            AtomicLong open = new AtomicLong(7);
            metrics.gauge("test_open", "open things", open::get);
            String text = metrics.text();
            assertEquals(0, plain.get());
            assertTrue(text.contains("test_events_total 0"), text);
            assertTrue(text.contains("# HELP test_calls_total calls"), text);
            assertTrue(text.contains("test_calls_total{provider=\"a\"} 3"), text);
            assertTrue(text.contains("test_call_duration_seconds_bucket{provider=\"a\",le=\"0.025\"} 0"), text);
            assertTrue(text.contains("test_call_duration_seconds_bucket{provider=\"a\",le=\"0.05\"} 1"), text);
            assertTrue(text.contains("test_call_duration_seconds_count{provider=\"a\"} 1"), text);
            assertTrue(text.contains("test_open 7"), text);
            assertTrue(text.contains("jvm_memory_used_bytes{"), "JVM metrics come with the registry");
            assertThrows(IllegalArgumentException.class, () -> metrics.counter("test_events_total", "again"));
            assertThrows(IllegalArgumentException.class, () -> metrics.counter("test-bad", "bad name"));
        }
    }
}
