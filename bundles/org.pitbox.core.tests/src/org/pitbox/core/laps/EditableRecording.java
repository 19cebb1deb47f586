package org.pitbox.core.laps;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Recording;

/** An in-memory copy of rows of other recordings, with setters to inject faults. */
final class EditableRecording implements Recording {
    private final ChannelLayout layout;
    private final ByteBuffer rows;
    private final int count;

    private EditableRecording(ChannelLayout layout, ByteBuffer rows, int count) {
        this.layout = layout;
        this.rows = rows;
        this.count = count;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code r}. */
    static EditableRecording slice(Recording r, int from, int to) {
        return concat(r, from, to);
    }

    /** Several ranges of {@code r} one after another: {@code from1, to1, from2, to2, ...}. */
    static EditableRecording concat(Recording r, int... ranges) {
        int len = r.layout().rowLength();
        int n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            n += ranges[i + 1] - ranges[i];
        }
        ByteBuffer buf = ByteBuffer.allocate(n * len).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < ranges.length; i += 2) {
            for (int k = ranges[i]; k < ranges[i + 1]; k++) {
                buf.put(r.rows().slice(r.rowStart(k), len));
            }
        }
        return new EditableRecording(r.layout(), buf.flip(), n);
    }

    /** Two recordings of one layout one after the other. */
    static EditableRecording append(Recording a, Recording b) {
        int len = a.layout().rowLength();
        ByteBuffer buf = ByteBuffer.allocate((a.recordCount() + b.recordCount()) * len).order(ByteOrder.LITTLE_ENDIAN);
        for (Recording r : new Recording[] {a, b}) {
            for (int k = 0; k < r.recordCount(); k++) {
                buf.put(r.rows().slice(r.rowStart(k), len));
            }
        }
        return new EditableRecording(a.layout(), buf.flip(), a.recordCount() + b.recordCount());
    }

    /** The same rows with {@code channel} hidden from the layout. */
    EditableRecording without(String channel) {
        List<ChannelDescriptor> kept = layout.channels().stream().filter(c -> !c.name().equals(channel)).toList();
        return new EditableRecording(new ChannelLayout(kept, layout.rowLength()), rows, count);
    }

    void set(int record, String channel, double value) {
        ChannelDescriptor c = layout.require(channel);
        int at = rowStart(record) + c.offset();
        switch (c.type()) {
            case DOUBLE -> rows.putDouble(at, value);
            case FLOAT -> rows.putFloat(at, (float) value);
            case INT, BITFIELD -> rows.putInt(at, (int) value);
            case BOOL, CHAR -> rows.put(at, (byte) value);
        }
    }

    double get(int record, String channel) {
        return value(record, layout.require(channel), 0);
    }

    @Override
    public ChannelLayout layout() {
        return layout;
    }

    @Override
    public int tickRate() {
        return 60;
    }

    @Override
    public int recordCount() {
        return count;
    }

    @Override
    public String sessionInfoYaml() {
        return "";
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
