package org.pitbox.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
    private IbtCommand() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        if (args.length < 2) {
            throw new UsageException("usage: pitbox ibt info FILE | ibt laps FILE | ibt export FILE [--channels A,B,...] --format csv");
        }
        String sub = args[0];
        Options options = new Options(Arrays.copyOfRange(args, 1, args.length),
                sub.equals("export") ? Set.of("--channels", "--format") : Set.of());
        if (options.positional().size() != 1) {
            throw new UsageException("ibt " + sub + " takes exactly one FILE");
        }
        Path file = Path.of(options.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        switch (sub) {
            case "info" -> info(file, out);
            case "laps" -> laps(file, out);
            case "export" -> export(file, options, out);
            default -> throw new UsageException("unknown ibt command '" + sub + "' (known: info, laps, export)");
        }
    }

    private static void info(Path file, PrintStream out) throws IOException {
        IbtSummary summary = IbtSummary.read(file);
        out.println("file: " + file.getFileName());
        summary.describe().forEach(out::println);
        for (Lap lap : summary.laps()) {
            out.println("  " + lapLine(lap));
        }
    }

    private static void laps(Path file, PrintStream out) throws IOException {
        out.println("lap\ttime_s\tsectors_s\tfuel_l\tflags");
        for (Lap lap : IbtSummary.read(file).laps()) {
            out.println(lapLine(lap));
        }
    }

    /** number, time in seconds, sectors, fuel used, flags: tab-separated for scripts. */
    private static String lapLine(Lap lap) {
        return lap.number() + "\t" + String.format(Locale.ROOT, "%.3f", lap.lapTime()) + "\t"
                + IbtSummary.sectorsText(lap) + "\t" + IbtSummary.fuelText(lap) + "\t" + IbtSummary.flagsText(lap);
    }

    private static void export(Path file, Options options, PrintStream out) throws Exception {
        String format = options.require("--format", "(only csv is supported)");
        if (!format.equals("csv")) {
            throw new UsageException("unknown --format " + format + " (supported: csv)");
        }
        String channels = options.get("--channels");
        List<String> names = channels == null ? List.of() : Arrays.stream(channels.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        try (IbtFile ibt = IbtFile.open(file)) {
            CsvExporter.export(ibt, names, out);
        }
    }
}
