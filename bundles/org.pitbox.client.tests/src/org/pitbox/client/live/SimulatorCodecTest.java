package org.pitbox.client.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.protocol.codec.BatchDecoder;
import org.pitbox.protocol.codec.BatchEncoder;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.codec.FrameSchema;

/** Simulated sessions through the telemetry codec: live frames and stored batches give every row back bit for bit. */
class SimulatorCodecTest {
    @Test
    void simulatedSessionsRoundTripBitExact() throws CodecException {
        for (long seed : new long[] {1, 7}) {
            ChannelLayout layout = TelemetrySimulator.layout();
            List<ChannelSpec> specs = new ArrayList<>();
            for (ChannelDescriptor c : layout.channels()) {
                specs.add(new ChannelSpec(c.name(), c.type().code(), c.count(), c.offset()));
            }
            FrameSchema schema = new FrameSchema(specs, layout.rowLength());
            TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withSeed(seed).withDuration(150));
            List<byte[]> rows = new ArrayList<>();
            ByteBuffer row = ByteBuffer.allocate(layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
            while (sim.next(row.clear())) {
                rows.add(row.array().clone());
            }
            assertTrue(rows.size() > 3 * BatchEncoder.DEFAULT_BATCH_ROWS / 2, "rows " + rows.size());
            live(schema, rows);
            stored(schema, rows);
        }
    }

    /** Every frame, with a keyframe asked for in between; a second decoder joins at the keyframe after row 1000. */
    private static void live(FrameSchema schema, List<byte[]> rows) throws CodecException {
        FrameEncoder encoder = new FrameEncoder(schema);
        FrameDecoder decoder = new FrameDecoder(schema);
        FrameDecoder late = new FrameDecoder(schema);
        byte[] out = new byte[schema.rowLength()];
        for (int i = 0; i < rows.size(); i++) {
            if (i == 2500) {
                encoder.requestKeyframe();
            }
            byte[] frame = encoder.encode(rows.get(i));
            assertTrue(decoder.decode(i + 1, frame, out), "frame " + i);
            assertArrayEquals(rows.get(i), out, "live row " + i);
            if (i >= 1000 && late.decode(i + 1, frame, out)) {
                assertArrayEquals(rows.get(i), out, "late joiner's row " + i);
            }
        }
        assertFalse(late.needsKeyframe());
    }

    private static void stored(FrameSchema schema, List<byte[]> rows) throws CodecException {
        int len = schema.rowLength();
        byte[] all = new byte[rows.size() * len];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, all, i * len, len);
        }
        BatchEncoder encoder = new BatchEncoder(schema);
        BatchDecoder decoder = new BatchDecoder(schema);
        for (int r = 0; r < rows.size(); r += BatchEncoder.DEFAULT_BATCH_ROWS) {
            int n = Math.min(BatchEncoder.DEFAULT_BATCH_ROWS, rows.size() - r);
            assertArrayEquals(Arrays.copyOfRange(all, r * len, (r + n) * len),
                    decoder.decode(encoder.encode(all, r * len, n)), "batch at row " + r);
        }
    }
}
