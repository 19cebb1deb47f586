package org.pitbox.cli;

import java.util.List;

/** A command's usage line and what it does: the hint in a usage error, and its {@code --help}. */
record Syntax(String usage, String what) {

    /** The usage lines of some commands, each followed by what it does. */
    static String help(List<Syntax> commands) {
        StringBuilder b = new StringBuilder();
        for (Syntax s : commands) {
            b.append(b.isEmpty() ? "usage: " : "\n       ").append(s.usage).append("\n         ").append(s.what);
        }
        return b.toString();
    }

    String help() {
        return help(List.of(this));
    }

    /** A usage error: what is wrong, then the right usage, on one line. */
    UsageException wrong(String problem) {
        return new UsageException(problem + " (usage: " + usage + ")");
    }
}
