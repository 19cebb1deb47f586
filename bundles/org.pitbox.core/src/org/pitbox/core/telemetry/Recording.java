package org.pitbox.core.telemetry;

import java.nio.ByteBuffer;

/**
 * A finished run of telemetry rows with one layout: an .ibt file, a simulated session or a stored
 * team session. Rows are fixed-length, little-endian, at {@code rowStart(i)} inside {@link #rows()}.
 */
public interface Recording {
    ChannelLayout layout();

    /** Rows per second, 60 for iRacing. */
    int tickRate();

    int recordCount();

    /** The raw session-info YAML text, empty when the recording has none. */
    String sessionInfoYaml();

    /** A read-only little-endian view over all rows; do not change its position or limit. */
    ByteBuffer rows();

    /** Absolute position of row {@code record} inside {@link #rows()}. */
    int rowStart(int record);

    default double value(int record, ChannelDescriptor c, int index) {
        return Rows.asDouble(rows(), rowStart(record), c, index);
    }

    /** One element of a channel over every row, as doubles. */
    default double[] column(ChannelDescriptor c, int index) {
        ByteBuffer buf = rows();
        double[] out = new double[recordCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Rows.asDouble(buf, rowStart(i), c, index);
        }
        return out;
    }

    default double[] column(String name) {
        return column(layout().require(name), 0);
    }
}
