package org.pitbox.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void aMetricKeepsAtMostMaxSeriesAndCountsTheRestUnderOther() {
        Metrics metrics = new Metrics();
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
