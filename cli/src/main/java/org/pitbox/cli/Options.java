package org.pitbox.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional arguments, checked against the options a command knows. */
final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final Syntax syntax;

    Options(String[] args, Set<String> known, Syntax syntax) throws UsageException {
        this.syntax = syntax;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-") && a.length() > 1) {
                if (!known.contains(a)) {
                    throw syntax.wrong("unknown option " + a);
                }
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw syntax.wrong(a + " needs a value");
                }
                values.put(a, args[++i]);
            } else {
                positional.add(a);
            }
        }
    }

    /** True when the arguments ask for help ({@code --help} or {@code -h}) anywhere. */
    static boolean asksHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    String get(String name) {
        return values.get(name);
    }

    String require(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw syntax.wrong("missing " + name);
        }
        return v;
    }

    List<String> positional() {
        return positional;
    }
}
