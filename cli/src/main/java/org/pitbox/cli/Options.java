package org.pitbox.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional arguments, checked against the options a command knows. */
final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Options(String[] args, Set<String> known) throws UsageException {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (!known.contains(a)) {
                    throw new UsageException("unknown option " + a + " (known: " + String.join(", ", known) + ")");
                }
                if (i + 1 >= args.length) {
                    throw new UsageException("missing value after " + a);
                }
                values.put(a, args[++i]);
            } else {
                positional.add(a);
            }
        }
    }

    String get(String name) {
        return values.get(name);
    }

    String require(String name, String what) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing " + name + " " + what);
        }
        return v;
    }

    List<String> positional() {
        return positional;
    }
}
