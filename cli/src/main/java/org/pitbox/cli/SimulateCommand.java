package org.pitbox.cli;

import java.io.PrintStream;
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
    private static final int MAX_LAPS = 100_000;

    private SimulateCommand() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        Options options = new Options(args, Set.of("--track", "--laps", "--out", "--seed"));
        if (!options.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + options.positional().get(0)
                    + " (usage: pitbox simulate [--track NAME] --laps N --out FILE.ibt [--seed S])");
        }
        Track track = Tracks.MONZA;
        String trackName = options.get("--track");
        if (trackName != null) {
            track = Tracks.find(trackName).orElseThrow(() -> new UsageException(
                    "unknown track '" + trackName + "'; choose one of: " + Tracks.choices()));
        }
        int laps = positiveInt(options.require("--laps", "N (laps to drive)"), "--laps");
        if (laps > MAX_LAPS) {
            throw new UsageException("--laps must be at most " + MAX_LAPS);
        }
        Path target = Path.of(options.require("--out", "FILE.ibt"));
        long seed = seed(options.get("--seed"));
        SimOptions sim = SimOptions.defaults().withTrack(track).withLaps(laps).withSeed(seed).withAutoPit(true);
        int records = SimulatedIbt.write(sim, target, Instant.now().getEpochSecond());
        out.printf(Locale.ROOT, "wrote %s: %s, %s, %d records (%.1f s)%n", target, track.displayName(),
                LapTimes.count(laps, "lap"), records, records / (double) TelemetrySimulator.TICK_RATE);
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
