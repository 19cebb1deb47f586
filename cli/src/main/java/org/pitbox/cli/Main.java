package org.pitbox.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code pitbox ibt info|laps|export} and {@code pitbox simulate}. Exit status 0 on success; bad input
 * gives one line on standard error and a non-zero status, never a stack trace.
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

    /** Runs one command; {@code out} receives the results, {@code err} the one-line errors. */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        PrintStream print = out instanceof PrintStream p ? p : new PrintStream(out, false, StandardCharsets.UTF_8);
        try {
            if (args.length == 0) {
                throw new UsageException("usage: pitbox ibt info|laps|export FILE ... | pitbox simulate ...");
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                case "ibt" -> IbtCommand.run(rest, print);
                case "simulate" -> SimulateCommand.run(rest, print);
                default -> throw new UsageException("unknown command '" + args[0] + "' (known: ibt, simulate)");
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
}
