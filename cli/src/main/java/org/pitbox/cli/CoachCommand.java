package org.pitbox.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.pitbox.core.coach.Coach;
import org.pitbox.core.coach.Hint;
import org.pitbox.iracing.SessionCoach;
import org.pitbox.iracing.ibt.IbtFile;

/** {@code pitbox coach FILE.ibt [--race-laps N]}: the rule-based coach's hints for a recording. */
final class CoachCommand {
    static final Syntax SYNTAX = new Syntax("pitbox coach FILE.ibt [--race-laps N]",
            "the rule-based coach's hints, one a line: lap, where (T3 a corner, S2 a sector, fuel, tyres, lap) and the"
                    + " hint, tab-separated; fuel to the flag counts the laps or time a race has left, or the"
                    + " --race-laps given (also for a practice or test session)");

    private CoachCommand() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        if (Options.asksHelp(args)) {
            out.println(SYNTAX.help());
            return;
        }
        Options options = new Options(args, Set.of("--race-laps"), SYNTAX);
        List<String> files = options.positional();
        if (files.size() != 1) {
            throw SYNTAX.wrong(files.isEmpty() ? "missing FILE.ibt"
                    : "coach takes one FILE.ibt, got " + files.size() + ": " + String.join(" ", files));
        }
        String laps = options.get("--race-laps");
        int raceLaps = laps == null ? 0 : Numbers.positiveInt(laps, "--race-laps");
        Path file = Path.of(files.get(0));
        try (IbtFile ibt = IbtFile.openNamed(file)) {
            Coach coach;
            try {
                coach = SessionCoach.of(ibt, raceLaps);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            for (Hint h : coach.run(ibt).hints()) {
                out.println(h.line());
            }
        }
    }
}
