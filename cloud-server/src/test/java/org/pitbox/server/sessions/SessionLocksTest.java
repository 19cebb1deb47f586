package org.pitbox.server.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Work on one session never waits for another's, and a session's lock is dropped once nobody needs it. */
class SessionLocksTest {
    @Test
    void anotherSessionIsNotKeptWaitingAndNoLockOutlivesItsUse() throws Exception {
        SessionLocks locks = new SessionLocks();
        CountDownLatch other = new CountDownLatch(1);
        Thread[] thread = new Thread[1];
        boolean done = locks.with(1, () -> {
            // 65 shared the old striped lock of 1 (id mod 64)
            thread[0] = Thread.ofPlatform().start(() -> locks.run(65, other::countDown));
            try {
                return other.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(done, "session 65 ran while session 1 was held");
        thread[0].join();
        assertEquals(0, locks.size());
    }
}
