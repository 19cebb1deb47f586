package org.pitbox.server.live;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.iracing.ibt.IbtWriter;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * Decodes a session's FRAME messages, in seq order, into the rows of an .ibt. Repeats are ignored; a frame
 * that cannot be decoded is left out, and so is every frame until the next keyframe.
 */
final class Recorder implements Closeable {
    private static final System.Logger LOG = System.getLogger(Recorder.class.getName());

    private final Path ibt;
    private final IbtWriter writer;
    private final FrameDecoder decoder;
    private final ByteBuffer row;
    private long lastSeq;
    private long skipped;
    private String firstSkipped;

    Recorder(Path ibt, FrameSchema schema, int rate, String sessionInfo, long startSeconds) throws IOException {
        this.ibt = ibt;
        this.writer = IbtWriter.create(ibt, layout(schema), sessionInfo, rate, startSeconds);
        this.decoder = new FrameDecoder(schema);
        this.row = ByteBuffer.wrap(new byte[schema.rowLength()]);
    }

    /** The rows of a schema as core reads them. */
    static ChannelLayout layout(FrameSchema schema) {
        return new ChannelLayout(schema.channels().stream().map(c -> new ChannelDescriptor(c.name(),
                ChannelType.ofCode(c.type()), c.count(), false, "", "", c.offset())).toList(), schema.rowLength());
    }

    void frame(byte[] message) throws IOException {
        long seq = LiveProtocol.number(message);
        if (seq <= lastSeq) {
            return;
        }
        lastSeq = seq;
        String why;
        try {
            if (decoder.decode(seq, LiveProtocol.frameData(message), row.array())) {
                writer.append(row, 0);
                return;
            }
            why = "no keyframe since the frame before";
        } catch (CodecException e) {
            why = e.getMessage() + " (" + message.length + " bytes: " + java.util.HexFormat.of().formatHex(message,
                    0, Math.min(message.length, 48)) + ")";
        }
        if (skipped++ == 0) {
            firstSkipped = "frame " + seq + ": " + why;
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
        if (skipped > 0) {
            LOG.log(System.Logger.Level.WARNING, skipped + " undecodable frames left out of " + ibt
                    + ", the first " + firstSkipped);
        }
    }
}
