package org.pitbox.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pitbox.voice.eval.VoiceEval;

/**
 * {@code pitbox ibt info|laps|export}, {@code pitbox simulate}, {@code pitbox coach}, {@code pitbox ai-eval} and {@code pitbox voice-eval}. Exit status 0 on success (and for
 * {@code --help}); bad input gives one line on standard error and status 1, a wrong command line status 2;
 * never a stack trace.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        int status = run(args, out, System.err);
        out.flush();
        System.exit(status);
    }

    /** Runs one command; {@code out} receives the results and help, {@code err} the one-line errors. */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        PrintStream print = out instanceof PrintStream p ? p : new PrintStream(out, false, StandardCharsets.UTF_8);
        try {
            String command = args.length == 0 ? "" : args[0];
            String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
            switch (command) {
                case "ibt" -> IbtCommand.run(rest, print);
                case "simulate" -> SimulateCommand.run(rest, print);
                case "coach" -> CoachCommand.run(rest, print);
                case "ai-eval" -> AiEvalCommand.run(rest, print);
                case "voice-eval" -> VoiceEval.run(rest, print);
                case "help", "--help", "-h" -> print.println(help());
                case "" -> throw new UsageException("missing command: give ibt, simulate, coach, ai-eval or voice-eval (pitbox help tells more)");
                default -> throw new UsageException("unknown command '" + command
                        + "' (known: ibt, simulate, coach, ai-eval, voice-eval; pitbox help tells more)");
            }
            print.flush();
            return OK;
        } catch (UsageException e) {
            print.flush();
            err.println("pitbox: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            print.flush();
            err.println("pitbox: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            return FAILED;
        }
    }

    private static String help() {
        List<Syntax> all = new ArrayList<>(IbtCommand.COMMANDS);
        all.add(SimulateCommand.SYNTAX);
        all.add(SimulateCommand.SCENARIO);
        all.add(CoachCommand.SYNTAX);
        all.add(AiEvalCommand.SYNTAX);
        all.add(new Syntax("pitbox voice-eval [--dir DIR] [--engine sphinx|vosk] [--model DIR] [--quick]",
                "speak the voice commands through the recogniser and score it (voice-eval --help tells more)"));
        return Syntax.help(all);
    }
}
