package org.pitbox.core.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the headers of a MANIFEST.MF and the clauses of a package header, enough for the API checks. */
final class Manifests {
    /** PitBox's core bundle, where the API packages are exported. */
    static final Path CORE = Path.of("..", "org.pitbox.core", "META-INF", "MANIFEST.MF");

    /** One package of an Export-Package or Import-Package header, with its attributes and directives. */
    record Clause(String name, Map<String, String> parameters) {
        String get(String key) {
            return parameters.get(key);
        }
    }

    private Manifests() {
    }

    /** The main headers; continuation lines joined. */
    static Map<String, String> headers(Path manifest) throws IOException {
        Map<String, String> headers = new HashMap<>();
        String text = Files.readString(manifest).replace("\r\n", "\n").replace("\n ", "");
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2).trim());
            }
        }
        return headers;
    }

    /** The clauses of a header such as {@code a;version="[1.0,2.0)",b;x-internal:=true}; empty when null. */
    static List<Clause> clauses(String header) {
        List<Clause> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> parameters = new HashMap<>();
            for (String p : parts.subList(1, parts.size())) {
                String[] kv = p.split(":?=", 2);
                parameters.put(kv[0].trim(), kv.length < 2 ? "" : kv[1].trim().replace("\"", ""));
            }
            out.add(new Clause(parts.get(0).trim(), parameters));
        }
        return out;
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
