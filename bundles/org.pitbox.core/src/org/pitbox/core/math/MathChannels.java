package org.pitbox.core.math;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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
        parse(text, out::add, (line, e) -> {
            throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
        });
        return out;
    }

    /**
     * Like {@link #read} but keeps the good entries: each line that does not read is passed to
     * {@code skipped} (as "line N: why") and left out. For stored preferences, where one bad line should
     * not lose the rest.
     */
    public static List<MathChannel> readValid(String text, Consumer<String> skipped) {
        List<MathChannel> out = new ArrayList<>();
        parse(text == null ? "" : text, c -> {
            if (find(out, c.name()) >= 0) {
                throw new IllegalArgumentException("'" + c.name() + "' is defined twice");
            }
            out.add(c);
        }, (line, e) -> skipped.accept("line " + line + ": " + e.getMessage()));
        return out;
    }

    /**
     * Hands each entry that parses and compiles to {@code entry}, and each line that fails (in {@code entry} too)
     * with its number to {@code failed}.
     */
    private static void parse(String text, Consumer<MathChannel> entry,
            BiConsumer<Integer, IllegalArgumentException> failed) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                MathChannel c = parseLine(line);
                c.compile();
                entry.accept(c);
            } catch (IllegalArgumentException e) {
                failed.accept(i + 1, e);
            }
        }
    }

    /**
     * {@code channels} with {@code channel} in place of the one named {@code replacing} (kept in its
     * place), or added at the end when {@code replacing} is null or not there.
     *
     * @throws IllegalArgumentException when another entry has the new name already
     */
    public static List<MathChannel> put(List<MathChannel> channels, String replacing, MathChannel channel) {
        List<MathChannel> out = new ArrayList<>(channels);
        int same = find(out, channel.name());
        int old = replacing == null ? -1 : find(out, replacing);
        if (same >= 0 && same != old) {
            throw new IllegalArgumentException("there is a math channel named '" + channel.name() + "' already");
        }
        if (old >= 0) {
            out.set(old, channel);
        } else {
            out.add(channel);
        }
        return List.copyOf(out);
    }

    /** {@code channels} without the one named {@code name}. */
    public static List<MathChannel> remove(List<MathChannel> channels, String name) {
        return channels.stream().filter(c -> !c.name().equals(name)).toList();
    }

    /** Index of the entry named {@code name}, -1 when none is. */
    public static int find(List<MathChannel> channels, String name) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
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
