package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.live.LiveProtocol;

class SpoolTest {
    @Test
    void spoolsOfOneKeyOpenedInTheSameMillisecondKeepTheirOwnFrames(@TempDir Path dir) throws Exception {
        Spool first = new Spool(dir, 1, "car1", Long.MAX_VALUE, () -> { });
        Spool second = new Spool(dir, 1, "car1", Long.MAX_VALUE, () -> { }); // the same team, key and (nearly always) millisecond
        append(first, SimRows.ROWS.subList(0, 10));
        append(second, SimRows.ROWS.subList(100, 130));
        Path a = first.finish(SimRows.SCHEMA, 60, SimRows.YAML);
        Path b = second.finish(SimRows.SCHEMA, 60, SimRows.YAML);
        assertNotEquals(a, b);
        SimRows.assertStored(a, SimRows.ROWS.subList(0, 10));
        SimRows.assertStored(b, SimRows.ROWS.subList(100, 130));
    }

    private static void append(Spool spool, List<byte[]> rows) throws Exception {
        FrameEncoder encoder = new FrameEncoder(SimRows.SCHEMA);
        long seq = 0;
        for (byte[] row : rows) {
            byte[] frame = encoder.encode(row);
            spool.append(++seq, LiveProtocol.frame(seq, frame, 0, frame.length));
        }
    }
}
