package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/** A subscriber's outbox while its socket writes nothing: video stops well before telemetry does. */
class OutboxTest {
    /** A WebSocket session whose sends never complete until {@link #written} runs them. */
    private final List<Callback> unwritten = new ArrayList<>();
    private final Session stalled = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
            new Class<?>[] {Session.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("send") && args != null && args[args.length - 1] instanceof Callback c) {
                    unwritten.add(c);
                }
                return null;
            });

    private void written() {
        unwritten.forEach(Callback::succeed);
        unwritten.clear();
    }

    @Test
    void videoStopsAtHalfTheFramesAndAQuarterOfTheBytesTelemetryGoesOnToItsBound() {
        Outbox out = new Outbox(stalled, 16, 1 << 20, () -> { });
        int pictures = 0;
        while (out.offerVideo(new byte[1000])) {
            pictures++;
        }
        assertEquals(8, pictures, "video takes at most half the frame queue");
        int frames = 0;
        while (out.offer(new byte[1000])) {
            frames++;
        }
        assertEquals(8, frames, "telemetry still fits the rest");
        written();
        assertTrue(out.offerVideo(new byte[1000]), "room again once written");

        Outbox bytes = new Outbox(stalled, 1000, 1 << 20, () -> { });
        assertTrue(bytes.offerVideo(new byte[200 << 10]));
        assertFalse(bytes.offerVideo(new byte[100 << 10]), "video stops at a quarter of the bytes");
        assertTrue(bytes.offer(new byte[200 << 10]), "telemetry goes on to half of them");
        assertFalse(bytes.offer(new byte[200 << 10]));
    }
}
