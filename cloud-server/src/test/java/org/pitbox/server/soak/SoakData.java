package org.pitbox.server.soak;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pitbox.client.live.RowProjection;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.iracing.ibt.IbtWriter;
import org.pitbox.protocol.codec.FrameSchema;

/** What the soak's clients send: one simulated lap of Martinsville as rows, an honest .ibt and an .ibt bomb. */
final class SoakData {
    static final FrameSchema SCHEMA = RowProjection.schemaOf(TelemetrySimulator.layout());
    static final String YAML;
    static final List<byte[]> ROWS = new ArrayList<>();
    private static final long START = 1_746_000_000L;

    static {
        TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(1));
        YAML = sim.sessionInfoYaml();
        ByteBuffer row = ByteBuffer.allocate(SCHEMA.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        while (sim.next(row.clear())) {
            ROWS.add(row.array().clone());
        }
    }

    private SoakData() {
    }

    /** The row driver d sends as frame seq (1, 2, ...): the lap, each driver starting elsewhere on it. */
    static byte[] row(int driver, long seq) {
        return ROWS.get((int) ((seq - 1 + driver * 37L) % ROWS.size()));
    }

    /** The simulated lap as an .ibt: what every honest driver uploads. */
    static Path honestIbt(Path file) throws IOException {
        return ibt(file, YAML, ROWS);
    }

    /**
     * An .ibt of a few rows whose session info declares {@code sectors} sectors: before issue 13 the segmenter
     * kept a boxed time for every declared sector of every lap.
     */
    static Path bomb(Path file, int sectors) throws IOException {
        StringBuilder yaml = new StringBuilder("---\nSplitTimeInfo:\n Sectors:\n");
        for (int s = 0; s < sectors; s++) {
            yaml.append(" - SectorNum: ").append(s).append("\n   SectorStartPct: ").append(String.format(Locale.ROOT,
                    "%.6f", (double) s / sectors)).append('\n');
        }
        return ibt(file, yaml.append("...\n").toString(), ROWS.subList(0, 120));
    }

    private static Path ibt(Path file, String yaml, List<byte[]> rows) throws IOException {
        try (IbtWriter w = IbtWriter.create(file, TelemetrySimulator.layout(), yaml, TelemetrySimulator.TICK_RATE,
                START)) {
            for (byte[] row : rows) {
                w.append(ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN), 0);
            }
        }
        return file;
    }
}
