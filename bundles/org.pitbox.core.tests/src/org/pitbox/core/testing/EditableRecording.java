package org.pitbox.core.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.MemoryRecording;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.core.telemetry.Rows;

/** An in-memory copy of rows of other recordings that tests may change: slices, joins, faults, hidden channels. */
public final class EditableRecording extends MemoryRecording {
    private EditableRecording(ChannelLayout layout, ByteBuffer rows, int count) {
        super(layout, 60, "", rows, count);
    }

    /** {@code count} zeroed rows of {@code layout}. */
    public static EditableRecording blank(ChannelLayout layout, int count) {
        return new EditableRecording(layout, ByteBuffer.allocate(count * layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN),
                count);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code r}. */
    public static EditableRecording slice(Recording r, int from, int to) {
        return concat(r, from, to);
    }

    /** Several ranges of {@code r} one after another: {@code from1, to1, from2, to2, ...}. */
    public static EditableRecording concat(Recording r, int... ranges) {
        int n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            n += ranges[i + 1] - ranges[i];
        }
        EditableRecording e = blank(r.layout(), n);
        int to = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            for (int k = ranges[i]; k < ranges[i + 1]; k++) {
                e.copyRow(r, k, to++);
            }
        }
        return e;
    }

    /** Two recordings of one layout one after the other. */
    public static EditableRecording append(Recording a, Recording b) {
        EditableRecording e = blank(a.layout(), a.recordCount() + b.recordCount());
        for (int k = 0; k < a.recordCount(); k++) {
            e.copyRow(a, k, k);
        }
        for (int k = 0; k < b.recordCount(); k++) {
            e.copyRow(b, k, a.recordCount() + k);
        }
        return e;
    }

    /** Copies row {@code from} of {@code source} over row {@code to}. */
    public void copyRow(Recording source, int from, int to) {
        rows().put(rowStart(to), source.rows(), source.rowStart(from), layout().rowLength());
    }

    /** The same rows with the channels whose names start with one of {@code prefixes} hidden. */
    public EditableRecording without(String... prefixes) {
        List<ChannelDescriptor> kept = layout().channels().stream()
                .filter(c -> List.of(prefixes).stream().noneMatch(c.name()::startsWith)).toList();
        return new EditableRecording(new ChannelLayout(kept, layout().rowLength()), rows(), recordCount());
    }

    /** The same rows with {@code from} replaced by {@code to} in every channel name. */
    public EditableRecording renamed(String from, String to) {
        List<ChannelDescriptor> named = layout().channels().stream().map(c -> new ChannelDescriptor(
                c.name().replace(from, to), c.type(), c.count(), c.countAsTime(), c.unit(), c.description(),
                c.offset())).toList();
        return new EditableRecording(new ChannelLayout(named, layout().rowLength()), rows(), recordCount());
    }

    public void set(int record, String channel, double value) {
        Rows.put(rows(), rowStart(record), layout().require(channel), 0, value);
    }

    public double get(int record, String channel) {
        return value(record, layout().require(channel), 0);
    }
}
