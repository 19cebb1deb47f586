package org.pitbox.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The channel set of a telemetry stream: channel specs plus the raw row length.
 * Sent once ({@link #toBytes()}) so the receiver can decode every later frame or batch.
 */
public final class FrameSchema {
    public static final int VERSION = 1;
    static final int MAX_ROW_LENGTH = 1 << 20;
    static final int MAX_CHANNELS = 1 << 16;

    private final List<ChannelSpec> channels;
    private final int rowLength;
    private final byte[] bytes;
    private final int fingerprint;

    public FrameSchema(List<ChannelSpec> channels, int rowLength) {
        if (rowLength < 0 || rowLength > MAX_ROW_LENGTH || channels.size() > MAX_CHANNELS) {
            throw new IllegalArgumentException("row length or channel count out of range");
        }
        for (ChannelSpec c : channels) {
            if (c.end() > rowLength) {
                throw new IllegalArgumentException(c.name() + " exceeds row length " + rowLength);
            }
            if (c.name().getBytes(StandardCharsets.UTF_8).length > ChannelSpec.MAX_NAME_BYTES) {
                throw new IllegalArgumentException("channel name too long: " + c.name());
            }
        }
        this.channels = List.copyOf(channels);
        this.rowLength = rowLength;
        this.bytes = serialise();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        this.fingerprint = (int) crc.getValue();
    }

    public List<ChannelSpec> channels() {
        return channels;
    }

    public int rowLength() {
        return rowLength;
    }

    /** CRC32 of the serialised form; frames and batches carry it to catch schema mismatches. */
    public int fingerprint() {
        return fingerprint;
    }

    /** Versioned binary form, read back by {@link #fromBytes(byte[])}. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    public static FrameSchema fromBytes(byte[] data) throws CodecException {
        ByteBuffer in = ByteBuffer.wrap(data);
        int version = Bytes.getByte(in, "schema version");
        if (version != VERSION) {
            throw new CodecException("unsupported schema version " + version);
        }
        int rowLength = Bytes.getVarint(in, MAX_ROW_LENGTH, "row length");
        int n = Bytes.getVarint(in, MAX_CHANNELS, "channel count");
        List<ChannelSpec> specs = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            int nameLength = Bytes.getVarint(in, ChannelSpec.MAX_NAME_BYTES, "name length");
            if (in.remaining() < nameLength) {
                throw new CodecException("truncated channel name");
            }
            byte[] name = new byte[nameLength];
            in.get(name);
            int type = Bytes.getByte(in, "channel type");
            int count = Bytes.getVarint(in, MAX_ROW_LENGTH, "channel count");
            int offset = Bytes.getVarint(in, MAX_ROW_LENGTH, "channel offset");
            if (type > ChannelSpec.DOUBLE || count == 0 || (long) offset + (long) count * size(type) > rowLength) {
                throw new CodecException("invalid channel #" + i);
            }
            specs.add(new ChannelSpec(new String(name, StandardCharsets.UTF_8), type, count, offset));
        }
        if (in.hasRemaining()) {
            throw new CodecException("trailing bytes after schema");
        }
        try {
            return new FrameSchema(specs, rowLength);
        } catch (IllegalArgumentException e) {
            throw new CodecException("invalid schema: " + e.getMessage());
        }
    }

    private static int size(int type) {
        return type <= ChannelSpec.BOOL ? 1 : type == ChannelSpec.DOUBLE ? 8 : 4;
    }

    private byte[] serialise() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        Bytes.putVarint(out, rowLength);
        Bytes.putVarint(out, channels.size());
        for (ChannelSpec c : channels) {
            byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
            Bytes.putVarint(out, name.length);
            out.writeBytes(name);
            out.write(c.type());
            Bytes.putVarint(out, c.count());
            Bytes.putVarint(out, c.offset());
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameSchema s && java.util.Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return fingerprint;
    }
}
