package org.pitbox.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.core.sim.Scenario;
import org.pitbox.core.sim.Scenarios;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Track;
import org.pitbox.core.sim.Tracks;
import org.pitbox.iracing.ibt.SimulatedIbt;

/**
 * {@code pitbox simulate [--track NAME] --laps N --out FILE.ibt [--seed S]}: streams a simulated session to an .ibt;
 * {@code --scenario list|NAME}: the scenarios with known truths.
 */
final class SimulateCommand {
    static final Syntax SYNTAX = new Syntax("pitbox simulate [--track NAME] --laps N --out FILE.ibt [--seed S]",
            "drive N laps in the simulator and write them as an .ibt; tracks: " + Tracks.choices()
                    + "; the same seed (default 1) gives the same session");
    static final Syntax SCENARIO = new Syntax("pitbox simulate --scenario list|NAME [--out FILE.ibt]",
            "list the scenarios with known truths (name, what happens, what the coach should find), or write the"
                    + " session of one as an .ibt (NAME needs --out); scenarios: " + Scenarios.names());
    private static final int MAX_LAPS = 100_000;

    private SimulateCommand() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        if (Options.asksHelp(args)) {
            out.println(Syntax.help(List.of(SYNTAX, SCENARIO)));
            return;
        }
        Options options = new Options(args, Set.of("--track", "--laps", "--out", "--seed", "--scenario"), SYNTAX);
        if (!options.positional().isEmpty()) {
            throw SYNTAX.wrong("unexpected argument " + options.positional().get(0));
        }
        if (options.get("--scenario") != null) {
            scenario(options, out);
            return;
        }
        Track track = Tracks.MONZA;
        String trackName = options.get("--track");
        if (trackName != null) {
            track = Tracks.find(trackName).orElseThrow(() -> new UsageException(
                    "unknown track '" + trackName + "'; choose one of: " + Tracks.choices()));
        }
        int laps = Numbers.positiveInt(options.require("--laps"), "--laps");
        if (laps > MAX_LAPS) {
            throw new UsageException("--laps must be at most " + MAX_LAPS);
        }
        long seed = seed(options.get("--seed"));
        Path target = writable(Path.of(options.require("--out")));
        SimOptions sim = SimOptions.defaults().withTrack(track).withLaps(laps).withSeed(seed).withAutoPit(true);
        int records = write(new TelemetrySimulator(sim), target);
        out.printf(Locale.ROOT, "wrote %s: %s, %s, %d records (%.1f s)%n", target, track.displayName(),
                LapTimes.count(laps, "lap"), records, records / (double) TelemetrySimulator.TICK_RATE);
    }

    private static void scenario(Options options, PrintStream out) throws Exception {
        for (String other : List.of("--track", "--laps", "--seed")) {
            if (options.get(other) != null) {
                throw SCENARIO.wrong("--scenario takes no " + other + ": the scenario sets it");
            }
        }
        String name = options.get("--scenario");
        if (name.equals("list")) {
            for (Scenario s : Scenarios.all()) {
                out.println(s.name() + "\t" + s.description() + "\t" + s.truths().stream()
                        .map(SimulateCommand::truth).collect(Collectors.joining("; ")));
            }
            return;
        }
        Scenario scenario = Scenarios.find(name).orElseThrow(() -> new UsageException(
                "unknown scenario '" + name + "'; choose one of: " + Scenarios.names()));
        String file = options.get("--out");
        if (file == null) {
            throw SCENARIO.wrong("missing --out");
        }
        Path target = writable(Path.of(file));
        int records = write(scenario.simulator(), target);
        out.printf(Locale.ROOT, "wrote %s: scenario %s (%s), %d records (%.1f s)%n", target, scenario.name(),
                scenario.description(), records, records / (double) TelemetrySimulator.TICK_RATE);
    }

    /** "braking T1 lap 4", "pit window fuel laps 14-17". */
    private static String truth(Scenario.Truth t) {
        String laps = t.firstLap() == t.lastLap() ? "lap " + t.firstLap() : "laps " + t.firstLap() + "-" + t.lastLap();
        return t.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + t.where() + " " + laps;
    }

    private static int write(TelemetrySimulator simulator, Path target) throws IOException {
        try {
            return SimulatedIbt.write(simulator, target, Instant.now().getEpochSecond());
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new IOException("cannot write " + target + ": the system refused to create it; give another --out", e);
        }
    }

    /** The --out file, when its directory exists and may be written, and it is not a directory itself. */
    private static Path writable(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException("cannot write " + target + ": it is a directory; give a file name such as "
                    + target.resolve("session.ibt"));
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IOException("cannot write " + target + ": there is no directory " + folder
                    + "; create it or give another --out");
        }
        if (Files.exists(target) ? !Files.isWritable(target) : folder != null && !Files.isWritable(folder)) {
            throw new IOException("cannot write " + target + ": permission denied; give another --out");
        }
        return target;
    }

    private static long seed(String text) throws UsageException {
        try {
            return text == null ? 1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + text + "'");
        }
    }
}
