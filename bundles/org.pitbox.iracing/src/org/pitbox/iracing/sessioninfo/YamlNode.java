package org.pitbox.iracing.sessioninfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of the session-info tree: a map, a list or a scalar string. Lookups never fail: an absent key or index
 * yields {@link #MISSING}, whose accessors return {@code null}, {@code NaN} or the given fallback.
 */
public final class YamlNode {
    public enum Kind {
        MAP, LIST, SCALAR, MISSING
    }

    public static final YamlNode MISSING = new YamlNode(Kind.MISSING);

    private final Kind kind;
    private final Map<String, YamlNode> map;
    private final List<YamlNode> list;
    private String text;

    private YamlNode(Kind kind) {
        this.kind = kind;
        this.map = kind == Kind.MAP ? new LinkedHashMap<>() : null;
        this.list = kind == Kind.LIST ? new ArrayList<>() : null;
    }

    static YamlNode newMap() {
        return new YamlNode(Kind.MAP);
    }

    static YamlNode newList() {
        return new YamlNode(Kind.LIST);
    }

    static YamlNode scalar(String text) {
        YamlNode n = new YamlNode(Kind.SCALAR);
        n.text = text;
        return n;
    }

    void setText(String text) {
        this.text = text;
    }

    void put(String key, YamlNode value) {
        map.put(key, value);
    }

    void add(YamlNode value) {
        list.add(value);
    }

    void set(int index, YamlNode value) {
        list.set(index, value);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMissing() {
        return kind == Kind.MISSING;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** The child under {@code key} of a map, else {@link #MISSING}. */
    public YamlNode get(String key) {
        YamlNode n = map == null ? null : map.get(key);
        return n == null ? MISSING : n;
    }

    /** The item at {@code index} of a list, else {@link #MISSING}. */
    public YamlNode get(int index) {
        return list == null || index < 0 || index >= list.size() ? MISSING : list.get(index);
    }

    /** Walks map keys ({@code String}) and list indexes ({@code Integer}), e.g. {@code path("SessionInfo", "Sessions", 0)}. */
    public YamlNode path(Object... steps) {
        YamlNode n = this;
        for (Object step : steps) {
            if (step instanceof String key) {
                n = n.get(key);
            } else if (step instanceof Integer index) {
                n = n.get(index.intValue());
            } else {
                return MISSING;
            }
        }
        return n;
    }

    /** Items of a list; empty for anything else. */
    public List<YamlNode> items() {
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    /** Keys of a map in document order; empty for anything else. */
    public Set<String> keys() {
        return map == null ? Set.of() : Collections.unmodifiableSet(map.keySet());
    }

    /** Number of entries of a map or items of a list, else 0. */
    public int size() {
        return map != null ? map.size() : list != null ? list.size() : 0;
    }

    /** The scalar text (quotes removed, may be empty), or {@code null} for maps, lists and missing nodes. */
    public String asString() {
        return text;
    }

    public String asString(String fallback) {
        return text == null ? fallback : text;
    }

    /** The leading number of the scalar with any unit dropped ("4.28 km" gives 4.28), else {@code NaN}. */
    public double asDouble() {
        return leadingNumber(text);
    }

    /** {@link #asDouble()} truncated to an int, or {@code fallback} when not a number or out of range. */
    public int asInt(int fallback) {
        double d = leadingNumber(text);
        return d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? (int) d : fallback;
    }

    /** True for "1", "true" and "yes"; iRacing writes flags as 0/1. */
    public boolean asBoolean() {
        return text != null && (text.equals("1") || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes"));
    }

    @Override
    public String toString() {
        return kind == Kind.SCALAR ? "YamlNode[SCALAR, " + text.length() + " chars]" : "YamlNode[" + kind + ", " + size() + "]";
    }

    static double leadingNumber(String s) {
        if (s == null) {
            return Double.NaN;
        }
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        for (; i < n && isDigit(s.charAt(i)); i++) {
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            for (i++; i < n && isDigit(s.charAt(i)); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int expStart = j;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            if (j > expStart) {
                i = j;
            }
        }
        if (i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
            return Double.NaN; // hex colour such as 0xffffff
        }
        return Double.parseDouble(s.substring(start, i));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
