package org.pitbox.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pitbox.core.sim.Evaluation;
import org.pitbox.core.sim.Scenario;
import org.pitbox.core.sim.Scenarios;

/**
 * {@code pitbox ai-eval}: every scenario through the rule-based coach, scored: detection precision and recall (the
 * right kind, lap and corner or sector), the share of numbers verified against the fact sheets, and the coach's
 * milliseconds per lap (after one scenario run to warm up).
 */
final class AiEvalCommand {
    static final Syntax SYNTAX = new Syntax("pitbox ai-eval",
            "run every scenario through the rule-based coach and print, per scenario and overall: detection recall and"
                    + " precision, numbers verified against the facts, and ms per lap (p50, p95)");
    private static final String ROW = "%-13s %6s %6s %9s %9s %9s %9s %9s%n";

    private AiEvalCommand() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        if (Options.asksHelp(args)) {
            out.println(SYNTAX.help());
            return;
        }
        Options options = new Options(args, Set.of(), SYNTAX);
        if (!options.positional().isEmpty()) {
            throw SYNTAX.wrong("unexpected argument " + options.positional().get(0));
        }
        List<Scenario> scenarios = Scenarios.all();
        Evaluation.of(scenarios.get(0));
        out.printf(Locale.ROOT, ROW, "scenario", "truths", "hints", "recall", "precision", "verified", "p50 ms",
                "p95 ms");
        List<Evaluation> all = new ArrayList<>();
        for (Scenario s : scenarios) {
            Evaluation e = Evaluation.of(s);
            all.add(e);
            row(out, s.name(), e.truths(), e.hints().size(), e.found(), e.right(), e.findings(), e.verified(),
                    e.numbers(), e.nanosPerLap());
        }
        long[] nanos = all.stream().flatMapToLong(e -> Arrays.stream(e.nanosPerLap())).toArray();
        row(out, "overall", sum(all, Evaluation::truths), all.stream().mapToInt(e -> e.hints().size()).sum(),
                sum(all, Evaluation::found), sum(all, Evaluation::right), sum(all, Evaluation::findings),
                sum(all, Evaluation::verified), sum(all, Evaluation::numbers), nanos);
    }

    private static int sum(List<Evaluation> all, java.util.function.ToIntFunction<Evaluation> f) {
        return all.stream().mapToInt(f).sum();
    }

    private static void row(PrintStream out, String name, int truths, int hints, int found, int right, int findings,
            int verified, int numbers, long[] nanos) {
        out.printf(Locale.ROOT, ROW, name, truths, hints, share(found, truths), share(right, findings),
                share(verified, numbers), ms(nanos, 0.5), ms(nanos, 0.95));
    }

    /** A share as a percentage; 100 % of nothing. */
    private static String share(int part, int whole) {
        return String.format(Locale.ROOT, "%.0f %%", whole == 0 ? 100.0 : 100.0 * part / whole);
    }

    /** The {@code p} percentile (nearest rank) in milliseconds. */
    private static String ms(long[] nanos, double p) {
        if (nanos.length == 0) {
            return "-";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return String.format(Locale.ROOT, "%.2f", sorted[Math.max(0, rank)] / 1e6);
    }
}
