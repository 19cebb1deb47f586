package org.pitbox.server.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short simulated session uploaded over a link throttled to 10 Mbit/s, before as the .ibt's raw chunks, after as
 * the desktop sends it (packed, chunks pipelined); both stored sessions download byte for byte. The figures are
 * printed, never asserted; {@code ./pitbox benchmark upload} measures a one-hour session and the real recordings.
 */
class SlowLinkUploadTest {
    @Test
    void theDesktopUploadsThePackedForm(@TempDir Path dir) throws Exception {
        try (UploadBenchmark b = new UploadBenchmark(dir)) {
            UploadBenchmark.Result r = b.measure(UploadBenchmark.simulated(dir, 4));
            System.out.println("upload at 10 Mbit/s " + r);
            assertTrue(r.sent() < r.ibtBytes() / 3, "the packed form is smaller: " + r);
            assertTrue(r.stored() < r.ibtBytes() / 3, "the stored form is smaller: " + r);
        }
    }
}
