package org.pitbox.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one Java file declares and uses: its package and every package it names (imports and qualified names). */
record JavaSource(Path file, String pkg, Set<String> uses) {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern TEXT = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'");
    /** A qualified name: lower-case segments, then a type. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b((?:org|com|java|javax|jakarta|sun)(?:\\.[a-z_][a-z0-9_]*)+)\\.[A-Z]");

    static JavaSource read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher declared = PACKAGE.matcher(text);
        String pkg = declared.find() ? declared.group(1) : "";
        String code = TEXT.matcher(COMMENT.matcher(text).replaceAll(" ")).replaceAll("\"\"");
        code = PACKAGE.matcher(code).replaceAll("");
        Set<String> uses = new TreeSet<>();
        Matcher m = QUALIFIED.matcher(code);
        while (m.find()) {
            if (!m.group(1).equals(pkg)) {
                uses.add(m.group(1));
            }
        }
        return new JavaSource(file, pkg, uses);
    }
}
