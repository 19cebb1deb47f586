package org.pitbox.server.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.pitbox.server.http.ApiException;
import org.pitbox.server.metrics.Metrics;

/** A place is free again only when it is closed and the work started on it has ended. */
class StorageWorkPlaceTest {
    @Test
    void aPlaceClosedWhileItsWorkRunsIsFreeOnlyWhenTheWorkEnds() throws Exception {
        try (Metrics metrics = new Metrics(); StorageWork storage = new StorageWork(1, 0, 1, metrics)) {
            StorageWork.Place place = storage.enter(1);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            Thread request = Thread.ofPlatform().start(() -> place.call(() -> {
                started.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
                return null;
            }));
            started.await();
            request.interrupt(); // the request thread waits on; the work runs on
            place.close(); // as the request's end closes it, whatever the thread

            ApiException busy = assertThrows(ApiException.class, () -> storage.enter(2),
                    "the work still runs: its place is not free");
            assertEquals(503, busy.status());

            finish.countDown();
            request.join();
            storage.enter(2).close(); // the work ended: the place is free
            place.close(); // a second close gives nothing back twice
            storage.enter(3).close();
            try (StorageWork.Place only = storage.enter(4)) {
                assertThrows(ApiException.class, () -> storage.enter(5), "still one place, not two");
            }
        }
    }
}
