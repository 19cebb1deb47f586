package org.pitbox.core.sim;

import java.nio.file.Path;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.TelemetrySource;

/** PitBox's own simulated car lapping a real-shaped track: works everywhere, no sim needed. */
@Component(service = TelemetrySource.class)
public final class SimulatorSource implements TelemetrySource {
    public static final String ID = "simulator";
    /** Two hours with automatic pit stops: long enough for any demo or test drive. */
    static final double SESSION_SECONDS = 2 * 3600;
    /** The track to lap, by name (Monza when unset); {@code ./pitbox demo} takes Martinsville, 20 s a lap. */
    public static final String TRACK_PROPERTY = "pitbox.simulator.track";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "PitBox simulator";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public LiveFeed open(Path file) {
        SimOptions options = SimOptions.defaults().withDuration(SESSION_SECONDS).withAutoPit(true)
                .withSeed(System.nanoTime());
        String track = System.getProperty(TRACK_PROPERTY);
        if (track != null && !track.isBlank()) {
            options = options.withTrack(Tracks.find(track).orElseThrow(() -> new IllegalArgumentException(
                    "no simulated track named " + track + " (-D" + TRACK_PROPERTY + "); tracks: " + Tracks.choices())));
        }
        return open(options, 1);
    }

    /** A feed of {@code options} on the wall clock run {@code speed} times as fast (tests that cannot wait). */
    public static LiveFeed open(SimOptions options, double speed) {
        long start = System.nanoTime();
        return new SimulatorFeed(new TelemetrySimulator(options), () -> start + (long) ((System.nanoTime() - start)
                * speed));
    }
}
