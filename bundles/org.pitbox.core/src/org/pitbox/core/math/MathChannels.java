package org.pitbox.core.math;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a user's math channels: one {@code name = expression [unit]} per line. The unit is
 * the last bracket group when a space comes before it, so write an element index right after its channel
 * ({@code CarIdxLapDistPct[3]}). Blank lines and lines starting with '#' are skipped. Writing always adds
 * the unit brackets, so what is written reads back the same.
 */
public final class MathChannels {
    private MathChannels() {
    }

    public static String write(List<MathChannel> channels) {
        StringBuilder b = new StringBuilder();
        for (MathChannel c : channels) {
            b.append(c.name()).append(" = ").append(c.expression()).append(" [").append(c.unit()).append("]\n");
        }
        return b.toString();
    }

    /** @throws IllegalArgumentException naming the line of a malformed entry or an expression that does not parse */
    public static List<MathChannel> read(String text) {
        List<MathChannel> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                MathChannel c = parseLine(line);
                c.compile();
                out.add(c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static MathChannel parseLine(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected 'name = expression [unit]'");
        }
        String rest = line.substring(eq + 1).strip();
        String unit = "";
        int open = rest.lastIndexOf('[');
        if (rest.endsWith("]") && open > 0 && Character.isWhitespace(rest.charAt(open - 1))) {
            unit = rest.substring(open + 1, rest.length() - 1);
            rest = rest.substring(0, open);
        }
        return new MathChannel(line.substring(0, eq), rest, unit);
    }
}
