package org.pitbox.iracing.sessioninfo;

import java.util.List;

/**
 * A parsed session-info document: the root map plus the warnings for lines that were skipped. Parsing is lenient
 * (see {@link YamlParser}) and never throws.
 */
public final class YamlTree {
    private final YamlNode root;
    private final List<String> warnings;

    YamlTree(YamlNode root, List<String> warnings) {
        this.root = root;
        this.warnings = List.copyOf(warnings);
    }

    /** Parses iRacing's YAML subset; {@code null} or garbage give a (possibly empty) tree, never an exception. */
    public static YamlTree parse(String text) {
        return new YamlParser(text == null ? "" : text).parse();
    }

    public YamlNode root() {
        return root;
    }

    /** Shortcut for {@code root().path(steps)}. */
    public YamlNode path(Object... steps) {
        return root.path(steps);
    }

    /** Skipped or suspicious lines, by line number only (no content: it may hold personal names); capped. */
    public List<String> warnings() {
        return warnings;
    }
}
