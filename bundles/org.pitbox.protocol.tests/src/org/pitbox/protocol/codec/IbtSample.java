package org.pitbox.protocol.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Minimal test-side .ibt reader: the channel schema and the raw rows of a file, read in place. */
record IbtSample(String name, FrameSchema schema, byte[] rows, int rowCount) {

    static IbtSample read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int numVars = b.getInt(24);
        int varHeaderOffset = b.getInt(28);
        int rowLength = b.getInt(36);
        int firstRow = b.getInt(52);
        int records = b.getInt(140);
        List<ChannelSpec> specs = new ArrayList<>();
        for (int i = 0; i < numVars; i++) {
            int h = varHeaderOffset + i * 144;
            byte[] raw = new byte[32];
            b.get(h + 16, raw);
            int nul = 0;
            while (nul < raw.length && raw[nul] != 0) {
                nul++;
            }
            specs.add(new ChannelSpec(new String(raw, 0, nul, StandardCharsets.ISO_8859_1),
                    b.getInt(h), b.getInt(h + 8), b.getInt(h + 4)));
        }
        int rowCount = Math.min(records, (b.capacity() - firstRow) / rowLength);
        byte[] rows = new byte[rowCount * rowLength];
        b.get(firstRow, rows);
        return new IbtSample(file.getFileName().toString(), new FrameSchema(specs, rowLength), rows, rowCount);
    }

    /** Every .ibt under shared/data/iracing/ibt (-Dpitbox.shared=DIR, or found walking up from user.dir). */
    static List<Path> files() throws IOException {
        Path dir = sharedDir();
        if (dir == null || !Files.isDirectory(dir.resolve("data/iracing/ibt"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir.resolve("data/iracing/ibt"))) {
            return s.filter(p -> p.toString().endsWith(".ibt")).sorted().toList();
        }
    }

    private static Path sharedDir() {
        String prop = System.getProperty("pitbox.shared");
        if (prop != null) {
            return Path.of(prop);
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/data/iracing"))) {
                return p.resolve("shared");
            }
        }
        return null;
    }

    byte[] row(int i) {
        byte[] row = new byte[schema.rowLength()];
        System.arraycopy(rows, i * row.length, row, 0, row.length);
        return row;
    }
}
