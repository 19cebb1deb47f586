package org.pitbox.core.coach;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts the coach (and an AI agent) may cite, in the order they were added. Adding a NaN or infinite figure
 * adds nothing, so a figure that cannot be worked out never reaches a hint. {@link #toJson()} writes the sheet
 * with a small writer of its own (core has no JSON library); a server may instead serialise {@link #facts()},
 * whose records have plain accessors.
 */
public final class FactSheet {
    private final Map<String, Fact> byId = new LinkedHashMap<>();

    /** Adds a figure (replacing one of the same id); a figure that is not finite is left out. */
    public FactSheet add(String id, double value, String unit, int lap, int sector, int corner, String channel) {
        if (Double.isFinite(value)) {
            byId.put(id, new Fact(id, value, unit, lap, sector, corner, channel));
        }
        return this;
    }

    public List<Fact> facts() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    /** The fact of this id, or null. */
    public Fact get(String id) {
        return byId.get(id);
    }

    /** The value of the fact of this id, NaN without one. */
    public double value(String id) {
        Fact f = byId.get(id);
        return f == null ? Double.NaN : f.value();
    }

    public boolean has(String id) {
        return byId.containsKey(id);
    }

    public int size() {
        return byId.size();
    }

    /**
     * {@code {"facts":[{"id":"lap5.time","value":101.234,"unit":"s","source":{"lap":5,"channel":"..."}},...]}}: values
     * with at most 4 decimals, the source without its empty parts.
     */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\"facts\":[");
        boolean first = true;
        for (Fact f : byId.values()) {
            b.append(first ? "" : ",").append("{\"id\":");
            first = false;
            string(b, f.id());
            b.append(",\"value\":").append(number(f.value())).append(",\"unit\":");
            string(b, f.unit());
            b.append(",\"source\":{");
            int mark = b.length();
            field(b, mark, "lap", f.lap());
            field(b, mark, "sector", f.sector());
            field(b, mark, "corner", f.corner());
            if (!f.channel().isEmpty()) {
                b.append(b.length() > mark ? "," : "").append("\"channel\":");
                string(b, f.channel());
            }
            b.append("}}");
        }
        return b.append("]}").toString();
    }

    private static void field(StringBuilder b, int mark, String name, int value) {
        if (value != 0) {
            b.append(b.length() > mark ? "," : "").append('"').append(name).append("\":").append(value);
        }
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
