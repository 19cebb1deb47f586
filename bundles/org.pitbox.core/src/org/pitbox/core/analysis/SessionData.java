package org.pitbox.core.analysis;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapDelta;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Recording;

/**
 * A read-only view of one recorded session for analyses: its channels as columns (read once, then
 * shared), its laps and sectors, track and car. Safe to share between analyses running at once.
 */
public final class SessionData {
    private static final List<String> LAP_CHANNELS = List.of("SessionTime", "Lap", "LapDistPct");

    private final Recording recording;
    private final List<LapInfo> laps;
    private final List<Double> sectorStarts;
    private final double trackLength;
    private final String track;
    private final String car;
    private final LapInfo reference;
    private final Map<String, Channel> columns = new ConcurrentHashMap<>();

    private SessionData(Recording recording, List<LapInfo> laps, List<Double> sectorStarts, double trackLength,
            String track, String car) {
        this.recording = recording;
        this.laps = List.copyOf(laps);
        this.sectorStarts = sectorStarts.isEmpty() || sectorStarts.get(0) == 0 ? List.copyOf(sectorStarts)
                : Stream.concat(Stream.of(0.0), sectorStarts.stream()).toList();
        this.track = Objects.requireNonNullElse(track, "unknown track");
        this.car = Objects.requireNonNullElse(car, "unknown car");
        this.reference = this.laps.stream().filter(LapInfo::isClean).min(Comparator.comparingDouble(LapInfo::lapTime))
                .orElse(null);
        this.trackLength = trackLength > 0 ? trackLength : measuredLength();
    }

    /**
     * A session from a recording and the facts of its session info; the laps are segmented here (none when
     * the recording lacks SessionTime, Lap or LapDistPct).
     *
     * @param sectorStarts      sector start percentages, empty when unknown
     * @param trackLengthMeters lap length; 0 or NaN measures it from the LapDist channel when present
     */
    public static SessionData of(Recording recording, List<Double> sectorStarts, double trackLengthMeters,
            String track, String car) {
        boolean lapped = LAP_CHANNELS.stream().allMatch(recording.layout()::has);
        List<LapInfo> laps = lapped
                ? new LapSegmenter(sectorStarts).segment(recording).stream().map(SessionData::info).toList()
                : List.of();
        return new SessionData(recording, laps, sectorStarts, trackLengthMeters, track, car);
    }

    /** As {@link #of(Recording, List, double, String, String)}, with the given laps: for tests of edge cases. */
    public static SessionData of(Recording recording, List<LapInfo> laps, List<Double> sectorStarts,
            double trackLengthMeters, String track, String car) {
        return new SessionData(recording, laps, sectorStarts, trackLengthMeters, track, car);
    }

    public ChannelLayout layout() {
        return recording.layout();
    }

    /** Rows per second. */
    public int tickRate() {
        return recording.tickRate();
    }

    public int recordCount() {
        return recording.recordCount();
    }

    public boolean has(String channel) {
        return recording.layout().has(channel);
    }

    /** A channel's values; throws {@link java.util.NoSuchElementException} when the session lacks it. */
    public Channel channel(String name) {
        return columns.computeIfAbsent(name, n -> {
            ChannelDescriptor c = recording.layout().require(n);
            return new Channel(n, c.unit(), recording.column(c, 0));
        });
    }

    public Optional<Channel> find(String name) {
        return has(name) ? Optional.of(channel(name)) : Optional.empty();
    }

    /** Every lap, complete or not, in order. */
    public List<LapInfo> laps() {
        return laps;
    }

    /** Laps driven from line to line on track without refuelling. */
    public List<LapInfo> cleanLaps() {
        return laps.stream().filter(LapInfo::isClean).toList();
    }

    /** The fastest clean lap: what corners and deltas are measured against. */
    public Optional<LapInfo> referenceLap() {
        return Optional.ofNullable(reference);
    }

    /** Time lost (positive) or gained against the reference lap along a lap that started at the line. */
    public DeltaTrace deltaToReference(LapInfo lap) {
        if (reference == null) {
            throw new IllegalStateException("the session has no clean lap to compare with");
        }
        LapDelta.Trace t = LapDelta.between(recording, lap(lap), lap(reference));
        return new DeltaTrace(t.distancePct(), t.deltaSeconds());
    }

    /** Sector start percentages, starting at 0; empty when the session has no sectors. */
    public List<Double> sectorStarts() {
        return sectorStarts;
    }

    /** Lap length in metres, NaN when neither the session info nor the LapDist channel tells. */
    public double trackLengthMeters() {
        return trackLength;
    }

    public String trackName() {
        return track;
    }

    public String carName() {
        return car;
    }

    /** The LapDist reached on the reference lap, which is the lap length in metres. */
    private double measuredLength() {
        if (reference == null || !has("LapDist")) {
            return Double.NaN;
        }
        ChannelDescriptor d = recording.layout().require("LapDist");
        double max = 0;
        for (int i = reference.firstRecord(); i <= reference.lastRecord(); i++) {
            max = Math.max(max, recording.value(i, d, 0));
        }
        return max > 0 ? max : Double.NaN;
    }

    private static LapInfo info(Lap lap) {
        return new LapInfo(lap.number(), lap.firstRecord(), lap.lastRecord(), lap.startTime(), lap.endTime(),
                lap.startPct(), lap.endPct(), flags(lap.flags(), LapInfo.Flag.class), lap.sectorTimes(),
                lap.fuelUsed());
    }

    private static Lap lap(LapInfo info) {
        return new Lap(info.number(), info.firstRecord(), info.lastRecord(), info.startTime(), info.endTime(),
                info.startPct(), info.endPct(), flags(info.flags(), Lap.Flag.class), info.sectorTimes(),
                info.fuelUsed());
    }

    /** The same flags in the other enum: both name the same five. */
    private static <F extends Enum<F>> Set<F> flags(Set<? extends Enum<?>> from, Class<F> to) {
        Set<F> out = EnumSet.noneOf(to);
        from.forEach(f -> out.add(Enum.valueOf(to, f.name())));
        return out;
    }
}
