package org.pitbox.iracing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pitbox.core.analysis.SessionData;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.ibt.IbtHeader;
import org.pitbox.iracing.sessioninfo.Driver;
import org.pitbox.iracing.sessioninfo.Sector;
import org.pitbox.iracing.sessioninfo.SessionInfo;
import org.pitbox.iracing.sessioninfo.SessionInfoParser;

/**
 * What a person wants to know about an .ibt file: header facts, track, car, drivers and laps.
 * Shared by {@code pitbox ibt info|laps} and the workbench.
 */
public record IbtSummary(IbtHeader header, SessionInfo info, int channelCount, double durationSeconds,
        List<Lap> laps) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Reads the header, the session info and the laps; the file is closed again. */
    public static IbtSummary read(Path file) throws IOException {
        try (IbtFile ibt = IbtFile.open(file)) {
            return of(ibt);
        }
    }

    public static IbtSummary of(IbtFile ibt) {
        SessionInfo info = SessionInfoParser.parse(ibt.sessionInfoYaml());
        List<Double> sectorStarts = info.sectors().stream().map(Sector::startPct).toList();
        List<Lap> laps = new LapSegmenter(sectorStarts).segment(ibt);
        double duration = 0;
        if (ibt.recordCount() > 0 && ibt.layout().has("SessionTime")) {
            var time = ibt.layout().require("SessionTime");
            duration = ibt.value(ibt.recordCount() - 1, time, 0) - ibt.value(0, time, 0);
        }
        return new IbtSummary(ibt.header(), info, ibt.layout().channels().size(), duration, laps);
    }

    /** The analysis view of the file this summary was read from, with its sectors and track length. */
    public SessionData sessionData(IbtFile ibt) {
        return SessionData.of(ibt, info.sectors().stream().map(Sector::startPct).toList(),
                trackLengthMeters(ibt, info), trackName(), carName());
    }

    /**
     * The lap length in metres: LapDist over LapDistPct of the first row past a tenth of the lap (iRacing writes
     * LapDist as that share of the exact length), else the session info's TrackLength, which is rounded to 10 m.
     */
    public static double trackLengthMeters(IbtFile ibt, SessionInfo info) {
        var dist = ibt.layout().find("LapDist");
        var pct = ibt.layout().find("LapDistPct");
        for (int i = 0; dist.isPresent() && pct.isPresent() && i < ibt.recordCount(); i++) {
            double p = ibt.value(i, pct.get(), 0);
            double d = ibt.value(i, dist.get(), 0);
            if (p > 0.1 && p <= 1 && d > 0) {
                return d / p;
            }
        }
        return info.weekend().trackLengthMeters();
    }

    public String trackName() {
        String name = info.weekend().trackDisplayName();
        return name != null ? name : Optional.ofNullable(info.weekend().trackName()).orElse("unknown track");
    }

    public String carName() {
        Driver player = info.player();
        return player != null && player.carScreenName() != null ? player.carScreenName() : "unknown car";
    }

    /** Drivers in the session, not counting spectators and the pace car. */
    public long driverCount() {
        return info.driverInfo().drivers().stream().filter(d -> !d.isSpectator() && !d.isPaceCar()).count();
    }

    /** The fastest clean lap, or null when there is none. */
    public Lap bestLap() {
        return laps.stream().filter(Lap::isClean).min(Comparator.comparingDouble(Lap::lapTime)).orElse(null);
    }

    /** The facts as "name: value" lines. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("track: " + trackName() + trackLength());
        lines.add("car: " + carName());
        lines.add("drivers: " + driverCount());
        if (header.sessionStartDate() > 0) {
            lines.add("recorded: " + DATE.format(Instant.ofEpochSecond(header.sessionStartDate())));
        }
        lines.add("format: ibt version " + header.version() + ", " + channelCount + " channels, "
                + header.bufLen() + " bytes per record, " + header.tickRate() + " Hz"
                + (header.finalised() ? "" : ", not finalised (records derived from the file length)"));
        lines.add("records: " + header.recordCount());
        lines.add(String.format(Locale.ROOT, "duration: %.3f s", durationSeconds));
        Lap best = bestLap();
        lines.add("laps: " + laps.size() + (best == null ? ", no clean lap"
                : ", best " + LapTimes.format(best.lapTime()) + " (lap " + best.number() + ")"));
        return lines;
    }

    private String trackLength() {
        double km = info.weekend().trackLengthKm();
        return km > 0 ? String.format(Locale.ROOT, " (%.2f km)", km) : "";
    }

    /** Sector times in seconds, comma-separated, "-" for sectors the lap did not cover. */
    public static String sectorsText(Lap lap) {
        if (lap.sectorTimes().isEmpty()) {
            return "-";
        }
        return lap.sectorTimes().stream()
                .map(t -> t.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", t))
                .collect(Collectors.joining(","));
    }

    public static String fuelText(Lap lap) {
        return Double.isNaN(lap.fuelUsed()) ? "-" : String.format(Locale.ROOT, "%.3f", lap.fuelUsed());
    }

    /** Flags as lower-case words joined by commas, "-" for a clean lap. */
    public static String flagsText(Lap lap) {
        if (lap.isClean()) {
            return "-";
        }
        return lap.flags().stream().map(f -> switch (f) {
            case OUT_LAP -> "out";
            case IN_LAP -> "in";
            case INCOMPLETE -> "incomplete";
            case REFUEL -> "refuel";
            case OFF_TRACK -> "offtrack";
        }).collect(Collectors.joining(","));
    }
}
