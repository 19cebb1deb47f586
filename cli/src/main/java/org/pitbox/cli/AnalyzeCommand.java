package org.pitbox.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.run.AnalysisRunner;
import org.pitbox.core.analysis.run.Outcome;
import org.pitbox.core.analysis.run.OutcomeText;
import org.pitbox.core.analysis.builtin.Builtins;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;

/**
 * {@code pitbox analyze --list} and {@code pitbox analyze FILE [--analysis ID]}: the analyses without the
 * workbench. On the plain class path these are the built-in ones; the workbench also binds installed plugins.
 */
final class AnalyzeCommand {
    private AnalyzeCommand() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        if (args.length == 1 && args[0].equals("--list")) {
            Builtins.all().forEach(a -> out.println(OutcomeText.line(a.describe())));
            return;
        }
        Options options = new Options(args, Set.of("--analysis"));
        if (options.positional().size() != 1) {
            throw new UsageException("usage: pitbox analyze --list | pitbox analyze FILE [--analysis ID]");
        }
        List<Analysis> chosen = choose(options.get("--analysis"));
        Path file = Path.of(options.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        boolean failed = false;
        try (IbtFile ibt = IbtFile.open(file); AnalysisRunner runner = new AnalysisRunner()) {
            IbtSummary summary = IbtSummary.of(ibt);
            for (Outcome outcome : runner.runAll(chosen, summary.sessionData(ibt), null)) {
                OutcomeText.print(outcome, out);
                out.println();
                failed |= outcome.status() == Outcome.Status.FAILED || outcome.status() == Outcome.Status.TIMED_OUT;
            }
        }
        if (failed) {
            throw new IOException("some analyses failed (see above)");
        }
    }

    private static List<Analysis> choose(String id) throws UsageException {
        if (id == null) {
            return Builtins.all();
        }
        List<Analysis> match = Builtins.all().stream().filter(a -> a.describe().id().equals(id)).toList();
        if (match.isEmpty()) {
            throw new UsageException("unknown analysis '" + id + "' (pitbox analyze --list shows them)");
        }
        return match;
    }
}
