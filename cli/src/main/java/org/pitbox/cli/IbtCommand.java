package org.pitbox.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pitbox.core.laps.Lap;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.CsvExporter;
import org.pitbox.iracing.ibt.IbtFile;

/** {@code pitbox ibt info FILE}, {@code ibt laps FILE}, {@code ibt export FILE [--channels A,B] --format csv}. */
final class IbtCommand {
    static final Syntax INFO = new Syntax("pitbox ibt info FILE",
            "header facts, track, car, drivers, records, duration and laps");
    static final Syntax LAPS = new Syntax("pitbox ibt laps FILE",
            "one line a lap: lap, time_s, sectors_s, fuel_l, flags (tab-separated)");
    static final Syntax EXPORT = new Syntax("pitbox ibt export FILE [--channels A,B,...] --format csv",
            "every record as CSV on standard output, all channels unless --channels names some");
    static final List<Syntax> COMMANDS = List.of(INFO, LAPS, EXPORT);

    private IbtCommand() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        String sub = args.length == 0 ? "" : args[0];
        Syntax syntax = switch (sub) {
            case "info" -> INFO;
            case "laps" -> LAPS;
            case "export" -> EXPORT;
            default -> null;
        };
        if (Options.asksHelp(args)) {
            out.println(syntax != null ? syntax.help() : Syntax.help(COMMANDS));
            return;
        }
        if (syntax == null) {
            throw new UsageException((sub.isEmpty() ? "missing ibt command" : "unknown ibt command '" + sub + "'")
                    + ": give info, laps or export (pitbox ibt --help tells more)");
        }
        Options options = new Options(Arrays.copyOfRange(args, 1, args.length),
                syntax == EXPORT ? Set.of("--channels", "--format") : Set.of(), syntax);
        List<String> files = options.positional();
        if (files.size() != 1) {
            throw syntax.wrong(files.isEmpty() ? "missing FILE"
                    : "ibt " + sub + " takes one FILE, got " + files.size() + ": " + String.join(" ", files));
        }
        List<String> channels = syntax == EXPORT ? channels(options) : List.of();
        Path file = Path.of(files.get(0));
        try (IbtFile ibt = IbtFile.openNamed(file)) {
            switch (sub) {
                case "info" -> info(file, ibt, out);
                case "laps" -> laps(ibt, out);
                default -> CsvExporter.export(ibt, channels, out);
            }
        }
    }

    private static void info(Path file, IbtFile ibt, PrintStream out) {
        IbtSummary summary = IbtSummary.of(ibt);
        out.println("file: " + file.getFileName());
        summary.describe().forEach(out::println);
        for (Lap lap : summary.laps()) {
            out.println("  " + lapLine(lap));
        }
    }

    /** The header only once the file has been read, so a bad file prints nothing but its error. */
    private static void laps(IbtFile ibt, PrintStream out) {
        List<Lap> laps = IbtSummary.of(ibt).laps();
        out.println("lap\ttime_s\tsectors_s\tfuel_l\tflags");
        for (Lap lap : laps) {
            out.println(lapLine(lap));
        }
    }

    /** number, time in seconds, sectors, fuel used, flags: tab-separated for scripts. */
    private static String lapLine(Lap lap) {
        return lap.number() + "\t" + String.format(Locale.ROOT, "%.3f", lap.lapTime()) + "\t"
                + IbtSummary.sectorsText(lap) + "\t" + IbtSummary.fuelText(lap) + "\t" + IbtSummary.flagsText(lap);
    }

    /** The --channels list; only --format csv is supported. */
    private static List<String> channels(Options options) throws UsageException {
        String format = options.require("--format");
        if (!format.equals("csv")) {
            throw EXPORT.wrong("unknown --format " + format + ": only csv is supported");
        }
        String channels = options.get("--channels");
        return channels == null ? List.of() : Arrays.stream(channels.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
