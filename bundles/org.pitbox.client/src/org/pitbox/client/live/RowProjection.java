package org.pitbox.client.live;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.FrameSchema;

/** Copies the chosen channels of a row into a packed row of their own, described by a {@link FrameSchema}. */
public final class RowProjection {
    private final FrameSchema schema;
    /** Triples of source offset, target offset, length. */
    private final int[] copies;

    private RowProjection(FrameSchema schema, int[] copies) {
        this.schema = schema;
        this.copies = copies;
    }

    /** The whole layout as a schema, for rows sent as they are. */
    public static FrameSchema schemaOf(ChannelLayout layout) {
        List<ChannelSpec> specs = new ArrayList<>();
        for (ChannelDescriptor c : layout.channels()) {
            specs.add(new ChannelSpec(c.name(), c.type().code(), c.count(), c.offset()));
        }
        return new FrameSchema(specs, layout.rowLength());
    }

    /** The layout a schema describes, the inverse of {@link #schemaOf}: rows received or recorded as sent. */
    public static ChannelLayout layoutOf(FrameSchema schema) {
        List<ChannelDescriptor> channels = new ArrayList<>();
        for (ChannelSpec c : schema.channels()) {
            channels.add(new ChannelDescriptor(c.name(), ChannelType.ofCode(c.type()), c.count(), false, "", "",
                    c.offset()));
        }
        return new ChannelLayout(channels, schema.rowLength());
    }

    public static RowProjection of(ChannelLayout layout, Predicate<String> keep) {
        List<ChannelSpec> specs = new ArrayList<>();
        List<Integer> copies = new ArrayList<>();
        int offset = 0;
        for (ChannelDescriptor c : layout.channels()) {
            if (!keep.test(c.name())) {
                continue;
            }
            specs.add(new ChannelSpec(c.name(), c.type().code(), c.count(), offset));
            copies.add(c.offset());
            copies.add(offset);
            copies.add(c.byteSize());
            offset += c.byteSize();
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("none of the feed's channels is selected");
        }
        return new RowProjection(new FrameSchema(specs, offset), copies.stream().mapToInt(Integer::intValue).toArray());
    }

    public FrameSchema schema() {
        return schema;
    }

    /** Fills {@code out} (schema row length) from the source row; allocates nothing. */
    public void project(ByteBuffer row, byte[] out) {
        for (int i = 0; i < copies.length; i += 3) {
            row.get(copies[i], out, copies[i + 1], copies[i + 2]);
        }
    }
}
