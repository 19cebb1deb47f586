package org.pitbox.server.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code ./pitbox benchmark upload} (which sets {@code -Dpitbox.benchmark=true}): {@link UploadBenchmark} on a
 * one-hour simulated session ({@code -Dpitbox.benchmark.minutes} to change), the largest real recording repeated to
 * as long, and every real recording; the figures go to {@code target/benchmarks/upload.txt}. Too long for CI.
 */
class UploadBenchmarkTest {
    @Test
    @EnabledIfSystemProperty(named = "pitbox.benchmark", matches = "true", disabledReason = "a benchmark of some"
            + " minutes: ./pitbox benchmark upload")
    void oneHourAndTheRealRecordings() throws Exception {
        UploadBenchmark.main(new String[] {"--real", "--minutes", System.getProperty("pitbox.benchmark.minutes", "60"),
                "--out", "target/benchmarks/upload.txt"});
    }
}
