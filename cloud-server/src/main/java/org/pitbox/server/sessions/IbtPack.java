package org.pitbox.server.sessions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.codec.PackedFile;
import org.pitbox.server.auth.Secrets;

/** How a session is stored: its .ibt as a {@link PackedFile}, rows as the codec's batches; checked both ways. */
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

    /**
     * Packs the .ibt {@code file} into a new file in {@code dir}, checked to give back bytes of SHA-256 {@code sha};
     * the caller deletes it.
     */
    static Path packChecked(Path file, String sha, Path dir) throws IOException {
        Path packed = Files.createTempFile(dir, "packing", ".pbz");
        try {
            try (OutputStream out = Files.newOutputStream(packed)) {
                pack(file, out);
            }
            MessageDigest digest = Secrets.sha256();
            try (InputStream in = Files.newInputStream(packed)) {
                PackedFile.unpack(in, new DigestOutputStream(OutputStream.nullOutputStream(), digest), Long.MAX_VALUE);
            }
            String unpacked = hex(digest);
            if (!unpacked.equals(sha)) {
                throw new IOException(file + " packs to bytes of sha256 " + unpacked + ", not " + sha);
            }
            return packed;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(packed);
            throw e;
        }
    }

    /** Unpacks the packed file into {@code ibt}, no further than {@code maxBytes}; returns the .ibt's hex SHA-256. */
    static String unpack(Path packed, Path ibt, long maxBytes) throws IOException {
        MessageDigest digest = Secrets.sha256();
        try (InputStream in = Files.newInputStream(packed);
                OutputStream out = new DigestOutputStream(Files.newOutputStream(ibt), digest)) {
            PackedFile.unpack(in, out, maxBytes);
        }
        return hex(digest);
    }

    static boolean isPacked(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return PackedFile.isPacked(in.readNBytes(4));
        }
    }

    /** The hex SHA-256 of a file. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = Secrets.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        }
        return hex(digest);
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
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
