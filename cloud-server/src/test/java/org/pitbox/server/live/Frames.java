package org.pitbox.server.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pitbox.protocol.live.LiveProtocol;

/** Waits for a subscriber's binary messages. */
final class Frames {
    private Frames() {
    }

    /** Binary messages until count FRAME messages have arrived; fails after 30 s. */
    static List<byte[]> take(TestSocket socket, int count) throws InterruptedException {
        List<byte[]> got = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int frames = 0;
        while (frames < count) {
            byte[] m = socket.binary.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("got " + frames + " of " + count + " frames within 30 s");
            }
            got.add(m);
            frames += LiveProtocol.type(m) == LiveProtocol.FRAME ? 1 : 0;
        }
        return got;
    }
}
