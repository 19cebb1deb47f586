package org.pitbox.plugins;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The arguments of the headless application, read into a {@link Request} (plain Java, no OSGi): {@code analyze ...},
 * {@code plugins ...}, or a plugins command alone, as {@code pitbox.sh -application org.pitbox.plugins.cli list}
 * takes it. A wrong command line is a {@link Wrong} whose message says, on one line, what is wrong and what is right.
 */
final class CommandLine {
    private static final List<String> PLUGINS = List.of("list", "available", "install", "update", "uninstall");
    /** Each command's usage and what it does, in the order of --help. */
    private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("analyze --list", "the installed analyses: id, name, version, provider");
        COMMANDS.put("analyze FILE [--analysis ID]", "run the installed analyses (or one) on an .ibt and print"
                + " their figures and tables");
        COMMANDS.put("plugins list", "the installed plugins: id, version, name, provider");
        COMMANDS.put("plugins available REPO", "what a p2 repository (URL or folder) offers");
        COMMANDS.put("plugins install REPO ID...", "install plugins from a p2 repository; they work after a restart");
        COMMANDS.put("plugins update [ID...]", "update the installed plugins (or those named) from the"
                + " repositories used so far");
        COMMANDS.put("plugins uninstall ID...", "remove plugins");
    }

    sealed interface Request {
    }

    record Help(String text) implements Request {
    }

    record ListPlugins() implements Request {
    }

    record Available(String repository) implements Request {
    }

    record Install(String repository, List<String> ids) implements Request {
    }

    record Update(List<String> ids) implements Request {
    }

    record Uninstall(List<String> ids) implements Request {
    }

    record ListAnalyses() implements Request {
    }

    /** Runs every installed analysis on {@code file}, or only the one with the id {@code analysis} when it is set. */
    record Analyze(Path file, String analysis) implements Request {
    }

    /** The command line was wrong; the message says how and what is right. */
    static final class Wrong extends Exception {
        private static final long serialVersionUID = 1L;

        Wrong(String message) {
            super(message);
        }

        /** {@code problem}, then the usage of the commands starting with {@code command}. */
        static Wrong of(String problem, String command) {
            String usage = COMMANDS.keySet().stream().filter(c -> c.startsWith(command)).map(c -> "pitbox " + c)
                    .collect(Collectors.joining(" | "));
            return new Wrong(problem + " (usage: " + usage + ")");
        }
    }

    private CommandLine() {
    }

    static Request read(List<String> args) throws Wrong {
        boolean help = args.contains("--help") || args.contains("-h");
        String first = args.isEmpty() ? "" : args.get(0);
        if (first.equals("analyze")) {
            return help ? new Help(help("analyze")) : analyze(args.subList(1, args.size()));
        }
        boolean named = first.equals("plugins");
        List<String> rest = named ? args.subList(1, args.size()) : args;
        String sub = rest.isEmpty() ? "" : rest.get(0);
        if (!PLUGINS.contains(sub)) {
            if (help) {
                return new Help(help(named ? "plugins" : ""));
            }
            if (!named) {
                throw new Wrong((first.isEmpty() ? "missing command" : "unknown command '" + first + "'")
                        + ": give analyze or plugins (pitbox analyze --help, pitbox plugins --help tell more)");
            }
            throw new Wrong((sub.isEmpty() ? "missing plugins command" : "unknown plugins command '" + sub + "'")
                    + ": give " + String.join(", ", PLUGINS) + " (pitbox plugins --help tells more)");
        }
        String command = "plugins " + sub;
        if (help) {
            return new Help(help(command));
        }
        List<String> values = rest.subList(1, rest.size());
        for (String v : values) {
            if (v.startsWith("-")) {
                throw Wrong.of("unknown option " + v, command);
            }
        }
        return switch (sub) {
            case "list" -> {
                if (!values.isEmpty()) {
                    throw Wrong.of("plugins list takes no arguments, got " + String.join(" ", values), command);
                }
                yield new ListPlugins();
            }
            case "available" -> {
                if (values.size() != 1) {
                    throw Wrong.of(values.isEmpty() ? "missing REPO" : "plugins available takes one REPO, got "
                            + String.join(" ", values), command);
                }
                yield new Available(values.get(0));
            }
            case "install" -> {
                if (values.size() < 2) {
                    throw Wrong.of(values.isEmpty() ? "missing REPO and ID" : "missing ID", command);
                }
                yield new Install(values.get(0), List.copyOf(values.subList(1, values.size())));
            }
            case "update" -> new Update(List.copyOf(values));
            default -> {
                if (values.isEmpty()) {
                    throw Wrong.of("missing ID", command);
                }
                yield new Uninstall(List.copyOf(values));
            }
        };
    }

    private static Request analyze(List<String> args) throws Wrong {
        String file = null;
        String analysis = null;
        boolean list = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--list")) {
                list = true;
            } else if (a.equals("--analysis")) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("-")) {
                    throw new Wrong("--analysis needs an ID; pitbox analyze --list shows them");
                }
                analysis = args.get(++i);
            } else if (a.startsWith("-")) {
                throw Wrong.of("unknown option " + a, "analyze");
            } else if (file != null) {
                throw Wrong.of("analyze takes one FILE, got " + file + " " + a, "analyze");
            } else {
                file = a;
            }
        }
        if (list) {
            if (file != null || analysis != null) {
                throw Wrong.of("analyze --list takes no FILE or --analysis", "analyze");
            }
            return new ListAnalyses();
        }
        if (file == null) {
            throw Wrong.of("missing FILE or --list", "analyze");
        }
        return new Analyze(Path.of(file), analysis);
    }

    /** The usage of the commands starting with {@code command}, each followed by what it does. */
    private static String help(String command) {
        StringBuilder b = new StringBuilder();
        COMMANDS.forEach((usage, what) -> {
            if (usage.startsWith(command)) {
                b.append(b.isEmpty() ? "usage: " : "\n       ").append("pitbox ").append(usage)
                        .append("\n         ").append(what);
            }
        });
        return b.toString();
    }
}
