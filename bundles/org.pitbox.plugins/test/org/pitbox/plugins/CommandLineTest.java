package org.pitbox.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.plugins.CommandLine.Analyze;
import org.pitbox.plugins.CommandLine.Available;
import org.pitbox.plugins.CommandLine.Help;
import org.pitbox.plugins.CommandLine.Install;
import org.pitbox.plugins.CommandLine.ListAnalyses;
import org.pitbox.plugins.CommandLine.ListPlugins;
import org.pitbox.plugins.CommandLine.Uninstall;
import org.pitbox.plugins.CommandLine.Update;

/** The arguments of {@code pitbox analyze} and {@code pitbox plugins}, read without OSGi. */
class CommandLineTest {
    private static final String ANALYZE = " (usage: pitbox analyze --list | pitbox analyze FILE [--analysis ID])";

    private static CommandLine.Request read(String... args) throws CommandLine.Wrong {
        return CommandLine.read(List.of(args));
    }

    /** The message of the usage error, checked to be one line without the internal launcher. */
    private static String wrong(String... args) {
        String message = assertThrows(CommandLine.Wrong.class, () -> read(args)).getMessage();
        assertFalse(message.contains("\n") || message.contains("pitbox.sh"), message);
        return message;
    }

    @Test
    void readsEveryCommand() throws Exception {
        assertEquals(new ListAnalyses(), read("analyze", "--list"));
        assertEquals(new Analyze(Path.of("a.ibt"), null), read("analyze", "a.ibt"));
        assertEquals(new Analyze(Path.of("a.ibt"), "x"), read("analyze", "--analysis", "x", "a.ibt"));
        assertEquals(new ListPlugins(), read("plugins", "list"));
        assertEquals(new Available("repo"), read("plugins", "available", "repo"));
        assertEquals(new Install("repo", List.of("a", "b")), read("plugins", "install", "repo", "a", "b"));
        assertEquals(new Update(List.of()), read("plugins", "update"));
        assertEquals(new Uninstall(List.of("a")), read("plugins", "uninstall", "a"));
        assertEquals(new Install("repo", List.of("a")), read("install", "repo", "a"), "pitbox.sh takes them bare");
    }

    @Test
    void analyzeSaysWhatIsMissingOrUnknown() {
        assertEquals("missing FILE or --list" + ANALYZE, wrong("analyze"));
        assertEquals("unknown option --bogus" + ANALYZE, wrong("analyze", "--bogus"));
        assertEquals("unknown option --bogus" + ANALYZE, wrong("analyze", "a.ibt", "--bogus"));
        assertEquals("analyze takes one FILE, got a.ibt b.ibt" + ANALYZE, wrong("analyze", "a.ibt", "b.ibt"));
        assertEquals("analyze --list takes no FILE or --analysis" + ANALYZE, wrong("analyze", "--list", "a.ibt"));
        assertEquals("--analysis needs an ID; pitbox analyze --list shows them", wrong("analyze", "a.ibt", "--analysis"));
    }

    @Test
    void pluginsSaysWhatIsMissingOrUnknown() {
        String known = ": give list, available, install, update, uninstall (pitbox plugins --help tells more)";
        assertEquals("unknown plugins command 'bogus'" + known, wrong("plugins", "bogus"));
        assertEquals("missing plugins command" + known, wrong("plugins"));
        assertEquals("missing REPO and ID (usage: pitbox plugins install REPO ID...)", wrong("plugins", "install"));
        assertEquals("missing ID (usage: pitbox plugins install REPO ID...)", wrong("plugins", "install", "repo"));
        assertEquals("missing REPO (usage: pitbox plugins available REPO)", wrong("plugins", "available"));
        assertEquals("missing ID (usage: pitbox plugins uninstall ID...)", wrong("plugins", "uninstall"));
        assertEquals("plugins list takes no arguments, got x (usage: pitbox plugins list)", wrong("plugins", "list", "x"));
        assertEquals("unknown option --all (usage: pitbox plugins update [ID...])", wrong("plugins", "update", "--all"));
        String top = ": give analyze or plugins (pitbox analyze --help, pitbox plugins --help tell more)";
        assertEquals("missing command" + top, wrong());
        assertEquals("unknown command 'bogus'" + top, wrong("bogus"));
    }

    @Test
    void everyCommandAnswersHelp() throws Exception {
        for (List<String> command : List.<List<String>>of(List.of("analyze"), List.of("plugins"),
                List.of("plugins", "list"), List.of("plugins", "available"), List.of("plugins", "install"),
                List.of("plugins", "update"), List.of("plugins", "uninstall"), List.of())) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(command);
                args.add(help);
                String text = assertInstanceOf(Help.class, CommandLine.read(args)).text();
                assertTrue(text.startsWith("usage: pitbox " + String.join(" ", command)), args + ": " + text);
            }
        }
        assertEquals("""
                usage: pitbox analyze --list
                         the installed analyses: id, name, version, provider
                       pitbox analyze FILE [--analysis ID]
                         run the installed analyses (or one) on an .ibt and print their figures and tables""",
                ((Help) read("analyze", "a.ibt", "--help")).text());
        assertEquals(7, ((Help) read("--help")).text().lines().filter(l -> l.contains("pitbox ")).count());
    }
}
