package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live recording's spool stops at its byte limit, however fast the publisher writes; the cut is reported once. */
class SpoolLimitTest {
    @Test
    void framesPastTheLimitAreNotSpooled(@TempDir Path dir) throws Exception {
        AtomicInteger cuts = new AtomicInteger();
        long limit = 200_000;
        Spool spool = new Spool(dir, 7, "key", limit, cuts::incrementAndGet,
                new Spool.HandOff(Runnable::run, Spool.HAND_OFF_BYTES));
        byte[] frame = new byte[1000];
        for (int seq = 1; seq <= 2000; seq++) {
            spool.append(seq, frame);
        }
        try (Stream<Path> files = Files.list(dir)) {
            long size = files.mapToLong(p -> p.toFile().length()).sum();
            assertTrue(size <= limit, size + " bytes spooled");
        }
        assertEquals(1, cuts.get());
        spool.abandon();
    }
}
