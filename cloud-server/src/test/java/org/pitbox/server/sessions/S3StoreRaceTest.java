package org.pitbox.server.sessions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.api.TestObjectStore;

/**
 * Two nodes (two S3Stores on one bucket of S3Proxy) write the same chunk at the same moment: with different bytes
 * exactly one write stores it and the other is told it conflicts; with the same bytes neither conflicts; the stored
 * bytes are always those of the write that was not refused.
 */
class S3StoreRaceTest {
    private static final int ROUNDS = 40;

    @TempDir
    Path dir;

    @Test
    void twoNodesWritingOneChunkAtOnceNeverBothWin() throws Exception {
        Map<String, String> bucket = TestObjectStore.bucket();
        ServerConfig config = ServerConfig.from(new String[] {"--data-dir", dir.toString()}, bucket);
        S3Store a = new S3Store(config.objectStore());
        S3Store b = new S3Store(config.objectStore());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                boolean same = round % 4 == 3;
                byte[] fromA = bytes(round, 'a');
                byte[] fromB = same ? fromA : bytes(round, 'b');
                CyclicBarrier start = new CyclicBarrier(2);
                long id = 1000 + round;
                Future<SessionStore.PutResult> ra = pool.submit(() -> {
                    start.await();
                    return a.putChunk(id, 0, fromA);
                });
                Future<SessionStore.PutResult> rb = pool.submit(() -> {
                    start.await();
                    return b.putChunk(id, 0, fromB);
                });
                SessionStore.PutResult resultA = ra.get();
                SessionStore.PutResult resultB = rb.get();
                String what = "round " + round + ": " + resultA + ", " + resultB;
                if (same) {
                    assertTrue(resultA != SessionStore.PutResult.CONFLICT && resultB != SessionStore.PutResult.CONFLICT
                            && (resultA == SessionStore.PutResult.STORED || resultB == SessionStore.PutResult.STORED),
                            what);
                } else {
                    assertEquals(Set.of(SessionStore.PutResult.STORED, SessionStore.PutResult.CONFLICT),
                            Set.of(resultA, resultB), what);
                }
                try (InputStream in = b.chunk(id, 0)) {
                    assertArrayEquals(resultA == SessionStore.PutResult.CONFLICT ? fromB : fromA, in.readAllBytes(),
                            "the bytes of the write that was not refused, " + what);
                }
                assertEquals(List.of(0), a.received(id));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(int round, char who) {
        byte[] b = new byte[64 << 10];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + round + who);
        }
        return b;
    }
}
