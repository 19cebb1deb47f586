package org.pitbox.iracing.ibt;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Recording;

/**
 * Exports a recording as CSV: a header of channel names (array elements as {@code Name[i]}), then one line per
 * record. Floats and doubles are shortest round-trip decimals ({@code Float/Double.toString}: NaN, Infinity,
 * -Infinity), bool 0/1, char as its unsigned byte value, int signed and bit fields unsigned. Lines end with
 * {@code \n}; channel names never contain commas, so nothing is quoted.
 */
public final class CsvExporter {
    private static final int FLUSH_AT = 1 << 16;

    private CsvExporter() {
    }

    /** The channels to export: every one when {@code names} is null or empty. */
    public static List<ChannelDescriptor> select(ChannelLayout layout, List<String> names) {
        if (names == null || names.isEmpty()) {
            return layout.channels();
        }
        List<ChannelDescriptor> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(layout.find(n).orElseThrow(() -> new IllegalArgumentException("unknown channel: " + n)));
        }
        return out;
    }

    /** Writes UTF-8 CSV to {@code out} and flushes it (does not close it). */
    public static void export(Recording rec, List<String> channels, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        export(rec, channels, w);
        w.flush();
    }

    /** Writes CSV to {@code out} in large blocks; does not close or flush it. */
    public static void export(Recording rec, List<String> channels, Writer out) throws IOException {
        List<ChannelDescriptor> selected = select(rec.layout(), channels);
        int columns = 0;
        for (ChannelDescriptor c : selected) {
            columns += c.count();
        }
        int[] types = new int[columns];
        int[] offsets = new int[columns];
        StringBuilder line = new StringBuilder(FLUSH_AT + 4096);
        int col = 0;
        for (ChannelDescriptor c : selected) {
            for (int i = 0; i < c.count(); i++, col++) {
                types[col] = c.type().code();
                offsets[col] = c.offsetOf(i);
                if (col > 0) {
                    line.append(',');
                }
                line.append(c.name());
                if (c.isArray()) {
                    line.append('[').append(i).append(']');
                }
            }
        }
        line.append('\n');
        char[] chars = new char[0];
        ByteBuffer rows = rec.rows();
        for (int r = 0, n = rec.recordCount(); r < n; r++) {
            int base = rec.rowStart(r);
            for (int k = 0; k < columns; k++) {
                if (k > 0) {
                    line.append(',');
                }
                appendValue(line, rows, base + offsets[k], types[k]);
            }
            line.append('\n');
            if (line.length() >= FLUSH_AT) {
                chars = drain(line, chars, out);
            }
        }
        drain(line, chars, out);
    }

    private static void appendValue(StringBuilder sb, ByteBuffer b, int at, int type) {
        switch (type) {
            case 0 -> sb.append(b.get(at) & 0xFF);
            case 1 -> sb.append(b.get(at) != 0 ? '1' : '0');
            case 2 -> sb.append(b.getInt(at));
            case 3 -> sb.append(b.getInt(at) & 0xFFFFFFFFL);
            case 4 -> sb.append(b.getFloat(at));
            default -> sb.append(b.getDouble(at));
        }
    }

    private static char[] drain(StringBuilder sb, char[] chars, Writer out) throws IOException {
        int len = sb.length();
        char[] buf = chars.length >= len ? chars : new char[len];
        sb.getChars(0, len, buf, 0);
        out.write(buf, 0, len);
        sb.setLength(0);
        return buf;
    }
}
