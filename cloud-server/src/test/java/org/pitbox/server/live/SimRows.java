package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveProtocol;

/** Real rows from the simulator (one lap of Martinsville) and helpers to decode what subscribers got. */
final class SimRows {
    static final FrameSchema SCHEMA = schema(TelemetrySimulator.layout());
    static final String YAML;
    static final List<byte[]> ROWS = new ArrayList<>();

    static {
        TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(1));
        YAML = sim.sessionInfoYaml();
        ByteBuffer row = ByteBuffer.allocate(SCHEMA.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        while (sim.next(row)) {
            ROWS.add(row.array().clone());
            row.clear();
        }
    }

    private SimRows() {
    }

    static FrameSchema schema(ChannelLayout layout) {
        List<ChannelSpec> specs = new ArrayList<>();
        for (ChannelDescriptor c : layout.channels()) {
            specs.add(new ChannelSpec(c.name(), c.type().code(), c.count(), c.offset()));
        }
        return new FrameSchema(specs, layout.rowLength());
    }

    /** The simulator's schema plus an incompressible int array of the given size, to make frames big. */
    static FrameSchema noisy(int ints) {
        List<ChannelSpec> specs = new ArrayList<>(SCHEMA.channels());
        specs.add(new ChannelSpec("Noise", ChannelSpec.INT, ints, SCHEMA.rowLength()));
        return new FrameSchema(specs, SCHEMA.rowLength() + 4 * ints);
    }

    static byte[] noisyRow(FrameSchema noisy, byte[] row, Random random) {
        byte[] out = new byte[noisy.rowLength()];
        System.arraycopy(row, 0, out, 0, row.length);
        for (int i = row.length; i < out.length; i++) {
            out[i] = (byte) random.nextInt();
        }
        return out;
    }

    /** The .ibt holds exactly these rows, in order. */
    static void assertStored(Path file, List<byte[]> rows) throws IOException {
        try (IbtFile ibt = IbtFile.open(file)) {
            assertEquals(rows.size(), ibt.recordCount(), file.toString());
            byte[] row = new byte[ibt.layout().rowLength()];
            for (int i = 0; i < rows.size(); i++) {
                ibt.rows().get(ibt.rowStart(i), row);
                assertArrayEquals(rows.get(i), row, "row " + i + " of " + file);
            }
        }
    }

    /** Decodes FRAME messages in arrival order into seq to row; a frame that cannot be decoded fails. */
    static Map<Long, byte[]> decode(FrameSchema schema, List<byte[]> messages) throws CodecException {
        FrameDecoder decoder = new FrameDecoder(schema);
        Map<Long, byte[]> rows = new LinkedHashMap<>();
        for (byte[] m : messages) {
            if (LiveProtocol.type(m) != LiveProtocol.FRAME) {
                continue;
            }
            byte[] row = new byte[schema.rowLength()];
            if (!decoder.decode(LiveProtocol.number(m), LiveProtocol.frameData(m), row)) {
                throw new AssertionError("frame " + LiveProtocol.number(m) + " could not be decoded");
            }
            if (rows.put(LiveProtocol.number(m), row) != null) {
                throw new AssertionError("frame " + LiveProtocol.number(m) + " arrived twice");
            }
        }
        return rows;
    }
}
