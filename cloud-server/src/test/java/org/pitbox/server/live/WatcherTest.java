package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.live.LiveProtocol;

/** A session watcher that falls behind: the origin never waits for it, and what it is behind by is bounded. */
class WatcherTest {
    @Test
    void aStuckWatcherCostsAtMostItsQueueAndHearsTheEndAfterItsRows() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        List<byte[]> rows = new CopyOnWriteArrayList<>();
        SessionWatch watch = new SessionWatch() {
            @Override
            public void row(Frame frame) {
                byte[] row = new byte[frame.row().capacity()];
                frame.row().get(0, row);
                rows.add(row);
                try {
                    stuck.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void ended() {
                ended.countDown();
            }
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Watcher watcher = new Watcher(watch, executor, SimRows.SCHEMA,
                    new Frame(Recorder.layout(SimRows.SCHEMA)));
            FrameEncoder encoder = new FrameEncoder(SimRows.SCHEMA, 100);
            int sent = 2 * SessionWatch.QUEUE;
            for (int seq = 1; seq <= sent; seq++) {
                byte[] frame = encoder.encode(SimRows.ROWS.get(seq - 1));
                watcher.frame(LiveProtocol.frame(seq, frame, 0, frame.length));
            }
            watcher.end(); // every frame was offered while the watch was stuck: offering never waits
            stuck.countDown();
            assertTrue(ended.await(10, TimeUnit.SECONDS), "the watch heard the end");
            assertTrue(rows.size() >= SessionWatch.QUEUE && rows.size() <= SessionWatch.QUEUE + 1,
                    rows.size() + " rows: the one in hand and a full queue, the rest dropped");
            for (int i = 0; i < rows.size(); i++) {
                assertArrayEquals(SimRows.ROWS.get(i), rows.get(i), "row " + i + " in order");
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
