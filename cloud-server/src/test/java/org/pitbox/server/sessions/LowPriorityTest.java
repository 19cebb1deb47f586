package org.pitbox.server.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pitbox.server.metrics.Metrics;

/**
 * The storage work runs on threads at nice 19, read back from /proc as the kernel sees them, while the threads that
 * hand it over (Jetty's, in the server) keep theirs; elsewhere lowering does nothing.
 */
class LowPriorityTest {
    private static final String LOWEST = "19";

    @Test
    void uploadAndDownloadWorkRunsAtNice19AndTheCallerKeepsItsNice() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "Linux only: no /proc/thread-self");
        String mine = nice();
        try (StorageWork storage = new StorageWork(1, 1, 1, new Metrics())) {
            assertEquals(LOWEST, storage.call(1, LowPriorityTest::nice));
            try (StorageWork.Place download = storage.download(2)) {
                assertEquals(LOWEST, download.call(LowPriorityTest::nice));
            }
        }
        assertEquals(mine, nice());
    }

    @Test
    void aThreadOfItsOwnLowersItselfOrSaysWhyNot() throws Exception {
        String[] done = new String[1];
        Thread t = Thread.ofPlatform().start(() -> done[0] = LowPriority.lowerThisThread());
        t.join();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertEquals("nice 19", done[0]);
        } else {
            assertTrue(done[0].startsWith("not lowered"), done[0]);
        }
    }

    /** The calling thread's nice value: field 19 of its stat line. */
    private static String nice() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
    }
}
