package org.pitbox.server.live;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.iracing.ibt.IbtWriter;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveProtocol;

/** Spools decoded rows to disk as they arrive (bounded memory) and turns the spool into an .ibt at the end. */
final class Recorder {
    private final Path spool;
    private final Path ibt;
    private final int rowLength;
    private final long startSeconds = System.currentTimeMillis() / 1000;
    private final OutputStream out;

    Recorder(Path dir, long teamId, String key, int rowLength) throws IOException {
        Files.createDirectories(dir);
        String name = teamId + "-" + key + "-" + System.currentTimeMillis();
        this.spool = dir.resolve(name + ".rows");
        this.ibt = dir.resolve(name + ".ibt");
        this.rowLength = rowLength;
        this.out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16);
    }

    void append(byte[] row) throws IOException {
        out.write(row);
    }

    /** Writes the .ibt, deletes the spool and returns the .ibt's path. */
    Path finish(FrameSchema schema, String sessionInfo) throws IOException {
        out.close();
        try (IbtWriter w = IbtWriter.create(ibt, layout(schema), sessionInfo, LiveProtocol.TICK_RATE,
                startSeconds); InputStream in = Files.newInputStream(spool)) {
            byte[] chunk = new byte[Math.max(1, (1 << 20) / Math.max(1, rowLength)) * rowLength];
            ByteBuffer buf = ByteBuffer.wrap(chunk);
            int filled = 0;
            for (int n; (n = in.read(chunk, filled, chunk.length - filled)) > 0;) {
                filled += n;
                int rows = filled / rowLength;
                for (int r = 0; r < rows; r++) {
                    w.append(buf, r * rowLength);
                }
                System.arraycopy(chunk, rows * rowLength, chunk, 0, filled - rows * rowLength);
                filled -= rows * rowLength;
            }
        }
        Files.delete(spool);
        return ibt;
    }

    static ChannelLayout layout(FrameSchema schema) {
        List<ChannelDescriptor> channels = new ArrayList<>();
        for (ChannelSpec c : schema.channels()) {
            channels.add(new ChannelDescriptor(c.name(), ChannelType.ofCode(c.type()), c.count(), false, "", "",
                    c.offset()));
        }
        return new ChannelLayout(channels, schema.rowLength());
    }
}
