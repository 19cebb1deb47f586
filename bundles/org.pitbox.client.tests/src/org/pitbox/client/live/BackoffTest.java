package org.pitbox.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reconnect delays of the live clients. */
class BackoffTest {
    @Test
    void growsToItsCapWithFullJitter() {
        Backoff top = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> -1L);
        long[] caps = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (long cap : caps) {
            assertEquals(cap, top.nextMillis());
        }
        top.reset();
        assertEquals(500, top.nextMillis());
        assertEquals(0, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0L).nextMillis());
        Backoff jittered = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(7));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            long cap = jittered.capMillis();
            long d = jittered.nextMillis();
            assertTrue(d >= 0 && d <= cap && cap <= 30000, d + " within [0, " + cap + "]");
            seen.add(d);
        }
        assertTrue(seen.size() > 40, "delays vary");
    }
}
