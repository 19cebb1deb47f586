package org.pitbox.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Track;
import org.pitbox.core.sim.Tracks;
import org.pitbox.iracing.ibt.SimulatedIbt;

/** {@code pitbox simulate [--track NAME] --laps N --out FILE.ibt [--seed S]}: streams a simulated session to an .ibt. */
final class SimulateCommand {
    static final Syntax SYNTAX = new Syntax("pitbox simulate [--track NAME] --laps N --out FILE.ibt [--seed S]",
            "drive N laps in the simulator and write them as an .ibt; tracks: " + Tracks.choices()
                    + "; the same seed (default 1) gives the same session");
    private static final int MAX_LAPS = 100_000;

    private SimulateCommand() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        if (Options.asksHelp(args)) {
            out.println(SYNTAX.help());
            return;
        }
        Options options = new Options(args, Set.of("--track", "--laps", "--out", "--seed"), SYNTAX);
        if (!options.positional().isEmpty()) {
            throw SYNTAX.wrong("unexpected argument " + options.positional().get(0));
        }
        Track track = Tracks.MONZA;
        String trackName = options.get("--track");
        if (trackName != null) {
            track = Tracks.find(trackName).orElseThrow(() -> new UsageException(
                    "unknown track '" + trackName + "'; choose one of: " + Tracks.choices()));
        }
        int laps = positiveInt(options.require("--laps"), "--laps");
        if (laps > MAX_LAPS) {
            throw new UsageException("--laps must be at most " + MAX_LAPS);
        }
        long seed = seed(options.get("--seed"));
        Path target = writable(Path.of(options.require("--out")));
        SimOptions sim = SimOptions.defaults().withTrack(track).withLaps(laps).withSeed(seed).withAutoPit(true);
        int records;
        try {
            records = SimulatedIbt.write(sim, target, Instant.now().getEpochSecond());
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new IOException("cannot write " + target + ": the system refused to create it; give another --out", e);
        }
        out.printf(Locale.ROOT, "wrote %s: %s, %s, %d records (%.1f s)%n", target, track.displayName(),
                LapTimes.count(laps, "lap"), records, records / (double) TelemetrySimulator.TICK_RATE);
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

    private static int positiveInt(String text, String option) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new UsageException(option + " must be a positive whole number, got '" + text + "'");
    }
}
