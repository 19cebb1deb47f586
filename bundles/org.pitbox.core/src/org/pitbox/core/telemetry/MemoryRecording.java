package org.pitbox.core.telemetry;

import java.nio.ByteBuffer;

/** Rows held in one little-endian buffer, back to back: a recording built in memory. */
public class MemoryRecording implements Recording {
    private final ChannelLayout layout;
    private final int tickRate;
    private final String sessionInfoYaml;
    private final ByteBuffer rows;
    private final int recordCount;

    public MemoryRecording(ChannelLayout layout, int tickRate, String sessionInfoYaml, ByteBuffer rows, int recordCount) {
        if ((long) recordCount * layout.rowLength() > rows.limit()) {
            throw new IllegalArgumentException(recordCount + " rows of " + layout.rowLength() + " bytes do not fit in "
                    + rows.limit() + " bytes");
        }
        this.layout = layout;
        this.tickRate = tickRate;
        this.sessionInfoYaml = sessionInfoYaml == null ? "" : sessionInfoYaml;
        this.rows = rows;
        this.recordCount = recordCount;
    }

    @Override
    public ChannelLayout layout() {
        return layout;
    }

    @Override
    public int tickRate() {
        return tickRate;
    }

    @Override
    public int recordCount() {
        return recordCount;
    }

    @Override
    public String sessionInfoYaml() {
        return sessionInfoYaml;
    }

    @Override
    public ByteBuffer rows() {
        return rows;
    }

    @Override
    public int rowStart(int record) {
        return record * layout.rowLength();
    }
}
