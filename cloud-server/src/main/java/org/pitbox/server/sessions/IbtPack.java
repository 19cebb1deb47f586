package org.pitbox.server.sessions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.codec.PackedFile;

/** How a session is stored: its .ibt as a {@link PackedFile}, rows as the codec's batches. */
public final class IbtPack {
    private IbtPack() {
    }

    /**
     * Writes the stored form of the .ibt {@code file} (already checked to be one) to {@code out}; a file whose
     * channels the codec cannot describe is written as it is.
     */
    public static void pack(Path file, OutputStream out) throws IOException {
        try (IbtFile ibt = IbtFile.open(file); InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            FrameSchema schema = schema(ibt);
            if (schema == null) {
                in.transferTo(out);
            } else {
                PackedFile.pack(in, ibt.header().dataOffset(), ibt.recordCount(), schema, out);
            }
        }
    }

    /** The codec's schema for the file's channels; null when it cannot describe them. */
    private static FrameSchema schema(IbtFile ibt) {
        if (ibt.layout().rowLength() != ibt.header().bufLen()) {
            return null;
        }
        try {
            List<ChannelSpec> specs = new ArrayList<>();
            for (ChannelDescriptor c : ibt.layout().channels()) {
                specs.add(new ChannelSpec(c.name(), c.type().code(), c.count(), c.offset()));
            }
            return new FrameSchema(specs, ibt.layout().rowLength());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
