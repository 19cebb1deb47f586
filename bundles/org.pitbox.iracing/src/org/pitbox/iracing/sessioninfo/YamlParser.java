package org.pitbox.iracing.sessioninfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Line-based parser for the YAML subset iRacing writes: indentation-nested maps, {@code - } sequences (also at the
 * parent key's indent), plain scalars that may hold {@code :}, {@code #}, quotes or braces, and plain lines that
 * continue the previous scalar (joined with {@code \n}). Malformed lines are skipped with a warning. Runs in linear
 * time with an explicit, depth-limited stack.
 */
final class YamlParser {
    static final int MAX_DEPTH = 64;
    static final int MAX_WARNINGS = 50;

    private final String src;
    private final YamlNode root = YamlNode.newMap();
    private final int[] indents = new int[MAX_DEPTH];
    private final YamlNode[] nodes = new YamlNode[MAX_DEPTH];
    private int depth;
    private final List<String> warnings = new ArrayList<>();
    private int warningCount;
    private int lineNo;

    // a key or item with an empty value: becomes a map or list if deeper lines follow
    private YamlNode pendingNode;
    private YamlNode pendingParent;
    private String pendingKey;
    private int pendingIndex;
    private int pendingIndent;

    // the last scalar, which plain lines continue
    private YamlNode openNode;
    private StringBuilder openText;

    YamlParser(String src) {
        this.src = src;
        nodes[0] = root;
        depth = 1;
    }

    YamlTree parse() {
        int n = src.length();
        for (int pos = 0; pos < n;) {
            int end = src.indexOf('\n', pos);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            if (!line(pos, end)) {
                break;
            }
            pos = end + 1;
        }
        flush();
        if (warningCount > MAX_WARNINGS) {
            warnings.add((warningCount - MAX_WARNINGS) + " more warnings");
        }
        return new YamlTree(root, warnings);
    }

    /** Handles one line; false at the end-of-document marker. */
    private boolean line(int start, int end) {
        int e = end;
        while (e > start && src.charAt(e - 1) <= ' ') {
            e--;
        }
        int i = start;
        while (i < e && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        if (i == e) {
            flush();
            return true;
        }
        int indent = i - start;
        if (indent == 0 && e - i == 3 && (src.startsWith("---", i) || src.startsWith("...", i))) {
            flush();
            return src.charAt(i) == '-';
        }
        if (src.charAt(i) == '-' && (i + 1 == e || src.charAt(i + 1) == ' ')) {
            flush();
            item(indent, i + 1, e);
            return true;
        }
        int colon = keyEnd(i, e);
        if (colon >= 0) {
            flush();
            YamlNode map = mapFor(indent);
            if (map != null) {
                entry(map, indent, src.substring(i, colon), colon + 1, e);
            }
            return true;
        }
        plain(i, e);
        return true;
    }

    private void entry(YamlNode map, int indent, String key, int from, int e) {
        String value = scalarText(from, e);
        YamlNode node = YamlNode.scalar(value);
        map.put(key, node);
        if (value.isEmpty()) {
            pending(node, map, key, -1, indent);
        } else {
            openNode = node;
        }
    }

    private void item(int indent, int from, int e) {
        YamlNode list = listFor(indent);
        if (list == null) {
            return;
        }
        int j = from;
        while (j < e && src.charAt(j) == ' ') {
            j++;
        }
        int colon = keyEnd(j, e);
        if (colon >= 0) {
            if (depth == MAX_DEPTH) {
                warn("nesting too deep");
                return;
            }
            YamlNode map = YamlNode.newMap();
            list.add(map);
            int col = indent + (j - from) + 1;
            push(col, map);
            entry(map, col, src.substring(j, colon), colon + 1, e);
            return;
        }
        String value = scalarText(j, e);
        YamlNode node = YamlNode.scalar(value);
        list.add(node);
        if (value.isEmpty()) {
            pending(node, list, null, list.size() - 1, indent);
        } else {
            openNode = node;
        }
    }

    private void plain(int i, int e) {
        if (openNode != null) {
            if (openText == null) {
                openText = new StringBuilder(openNode.asString());
            }
            openText.append('\n').append(src, i, e);
        } else if (pendingNode != null) {
            pendingNode.setText(scalarText(i, e));
            openNode = pendingNode;
            pendingNode = null;
        } else if (src.charAt(i) != '#') {
            warn("unparsed line");
        }
    }

    private YamlNode mapFor(int indent) {
        if (pendingNode != null && indent > pendingIndent) {
            YamlNode map = openPending(YamlNode.newMap(), indent);
            if (map != null) {
                return map;
            }
        }
        pendingNode = null;
        while (depth > 1 && (indents[depth - 1] > indent || nodes[depth - 1].isList())) {
            depth--;
        }
        if (indents[depth - 1] != indent) {
            warn("unexpected indentation");
        }
        return nodes[depth - 1];
    }

    private YamlNode listFor(int indent) {
        if (pendingNode != null && (indent > pendingIndent || (indent == pendingIndent && pendingKey != null))) {
            YamlNode list = openPending(YamlNode.newList(), indent);
            if (list != null) {
                return list;
            }
        }
        pendingNode = null;
        while (depth > 1 && (indents[depth - 1] > indent || (indents[depth - 1] == indent && nodes[depth - 1].isMap()))) {
            depth--;
        }
        if (nodes[depth - 1].isList() && indents[depth - 1] == indent) {
            return nodes[depth - 1];
        }
        warn("unexpected list item");
        return null;
    }

    private void pending(YamlNode node, YamlNode parent, String key, int index, int indent) {
        pendingNode = node;
        pendingParent = parent;
        pendingKey = key;
        pendingIndex = index;
        pendingIndent = indent;
    }

    /** Replaces the pending empty value (whose parent is the top frame) with {@code container}; null when too deep. */
    private YamlNode openPending(YamlNode container, int indent) {
        pendingNode = null;
        if (depth == MAX_DEPTH) {
            warn("nesting too deep");
            return null;
        }
        if (pendingKey != null) {
            pendingParent.put(pendingKey, container);
        } else {
            pendingParent.set(pendingIndex, container);
        }
        push(indent, container);
        return container;
    }

    private void push(int indent, YamlNode node) {
        indents[depth] = indent;
        nodes[depth] = node;
        depth++;
    }

    private void flush() {
        if (openText != null) {
            openNode.setText(openText.toString());
        }
        openNode = null;
        openText = null;
    }

    /** Index of the colon ending a {@code Key:} at {@code i}, or -1. Keys are letters, digits and underscores. */
    private int keyEnd(int i, int e) {
        int j = i;
        while (j < e && isKeyChar(src.charAt(j))) {
            j++;
        }
        if (j == i || j == e || src.charAt(j) != ':') {
            return -1;
        }
        return j + 1 == e || src.charAt(j + 1) == ' ' || src.charAt(j + 1) == '\t' ? j : -1;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The trimmed text from {@code i} to {@code e}, without enclosing quotes. */
    private String scalarText(int i, int e) {
        while (i < e && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        if (e - i >= 2) {
            char q = src.charAt(i);
            if ((q == '"' || q == '\'') && src.charAt(e - 1) == q) {
                return unescape(src.substring(i + 1, e - 1), q);
            }
        }
        return src.substring(i, e);
    }

    private static String unescape(String s, char quote) {
        if (s.indexOf(quote == '"' ? '\\' : '\'') < 0) {
            return s;
        }
        if (quote == '\'') {
            return s.replace("''", "'");
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < s.length() && (s.charAt(k + 1) == '"' || s.charAt(k + 1) == '\\')) {
                c = s.charAt(++k);
            }
            b.append(c);
        }
        return b.toString();
    }

    private void warn(String message) {
        if (warningCount++ < MAX_WARNINGS) {
            warnings.add("line " + lineNo + ": " + message);
        }
    }
}
