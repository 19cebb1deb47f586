package org.pitbox.examples.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;

/**
 * A third-party telemetry source in one class: a test pattern that sweeps every dashboard channel through
 * its range, to check a dashboard or an overlay without a sim. It is a DS component; installing the
 * bundle is all it takes for PitBox to list it.
 */
@Component(service = TelemetrySource.class)
public final class TestPatternSource implements TelemetrySource {
    static final ChannelLayout LAYOUT = ChannelLayout.packed(List.of(
            channel("SessionTime", ChannelType.DOUBLE, "s"),
            channel("Speed", ChannelType.FLOAT, "m/s"),
            channel("RPM", ChannelType.FLOAT, "revs/min"),
            channel("Gear", ChannelType.INT, ""),
            channel("Lap", ChannelType.INT, ""),
            channel("LapDistPct", ChannelType.FLOAT, "%"),
            channel("FuelLevel", ChannelType.FLOAT, "l")));

    private static ChannelDescriptor channel(String name, ChannelType type, String unit) {
        return new ChannelDescriptor(name, type, 1, false, unit, "test pattern", 0);
    }

    @Override
    public String id() {
        return "example-test-pattern";
    }

    @Override
    public String name() {
        return "Test pattern (example plugin)";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public LiveFeed open(Path file) {
        long start = System.nanoTime();
        return new PatternFeed(() -> (System.nanoTime() - start) / 1e9);
    }

    /** Values are pure functions of the seconds since the feed opened: a 20 s lap, gears 1 to 6. */
    static final class PatternFeed implements LiveFeed {
        private final java.util.function.DoubleSupplier seconds;

        PatternFeed(java.util.function.DoubleSupplier seconds) {
            this.seconds = seconds;
        }

        @Override
        public ChannelLayout layout() {
            return LAYOUT;
        }

        @Override
        public String sessionInfoYaml() {
            return "";
        }

        @Override
        public boolean readLatest(Frame frame) {
            double t = seconds.getAsDouble();
            long tick = (long) (t * 60);
            if (tick == frame.tick()) {
                return false;
            }
            double lap = t / 20;
            double sweep = 0.5 - 0.5 * Math.cos(2 * Math.PI * lap);
            var row = frame.row();
            row.putDouble(LAYOUT.require("SessionTime").offset(), t);
            row.putFloat(LAYOUT.require("Speed").offset(), (float) (80 * sweep));
            row.putFloat(LAYOUT.require("RPM").offset(), (float) (2000 + 6000 * sweep));
            row.putInt(LAYOUT.require("Gear").offset(), 1 + (int) Math.min(5, sweep * 6));
            row.putInt(LAYOUT.require("Lap").offset(), 1 + (int) lap);
            row.putFloat(LAYOUT.require("LapDistPct").offset(), (float) (lap - Math.floor(lap)));
            row.putFloat(LAYOUT.require("FuelLevel").offset(), (float) Math.max(0, 60 - lap * 2.5));
            frame.setTick(tick);
            return true;
        }

        @Override
        public FeedStatus status() {
            return FeedStatus.live("Test pattern: every readout sweeps its range every 20 s");
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
