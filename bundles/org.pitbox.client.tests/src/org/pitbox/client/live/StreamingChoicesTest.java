package org.pitbox.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.pitbox.core.live.LinkLevel;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.protocol.codec.ChannelSpec;

/** Bandwidth choices, channel subsets and the overlay's link line. */
class StreamingChoicesTest {
    @Test
    void ratesDivideSixtyHertz() {
        assertEquals(1, Bandwidth.FULL.every());
        assertEquals(6, new Bandwidth(10, true).every());
        assertThrows(IllegalArgumentException.class, () -> new Bandwidth(25, false));
        for (Bandwidth b : Bandwidth.CHOICES) {
            assertEquals(b, Bandwidth.fromKey(b.key()));
        }
        assertEquals(Bandwidth.FULL, Bandwidth.fromKey("garbage"));
    }

    @Test
    void essentialsKeepTheirValuesInAPackedRow() {
        ChannelLayout layout = TelemetrySimulator.layout();
        RowProjection essentials = RowProjection.of(layout, new Bandwidth(20, true)::includes);
        RowProjection all = RowProjection.of(layout, Bandwidth.FULL::includes);
        assertEquals(layout.channels().size(), all.schema().channels().size());
        assertTrue(essentials.schema().rowLength() < layout.rowLength(), "essentials are smaller");

        TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withLaps(1));
        ByteBuffer row = ByteBuffer.allocate(layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 600; i++) {
            row.clear();
            sim.next(row);
        }
        byte[] out = new byte[essentials.schema().rowLength()];
        essentials.project(row, out);
        ByteBuffer packed = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (ChannelSpec spec : essentials.schema().channels()) {
            assertTrue(Bandwidth.ESSENTIALS.contains(spec.name()), spec.name());
            ChannelDescriptor c = layout.require(spec.name());
            for (int b = 0; b < c.byteSize(); b++) {
                assertEquals(row.get(c.offset() + b), packed.get(spec.offset() + b), spec.name());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> RowProjection.of(layout, name -> false));
    }

    @Test
    void linkLineSaysStateRateAndLoss() {
        assertEquals(new LinkSummary("LIVE  4.2 kB/s", LinkLevel.OK),
                LinkSummary.of(new LiveStatus(LiveStatus.State.LIVE, null, 0, 4200, 0)));
        assertEquals(LinkLevel.BAD,
                LinkSummary.of(new LiveStatus(LiveStatus.State.OFFLINE, "refused", 12, 0, 0)).level());
        assertEquals("OFFLINE, spooling 12 s",
                LinkSummary.of(new LiveStatus(LiveStatus.State.OFFLINE, "refused", 12, 0, 0)).text());
        assertTrue(LinkSummary.of(new LiveStatus(LiveStatus.State.SPOOLING, null, 300, 9000, 5)).text()
                .startsWith("Spool full"));
    }
}
