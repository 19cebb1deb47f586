package org.pitbox.core.analysis;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.pitbox.core.laps.Lap;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Track;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Recording;

/** Sessions with known answers for analysis tests: simulated ones, and recordings built from their rows. */
public final class Sessions {
    /** Seven laps of Monza with a stop at the end of lap 3 and a refuel (30 l start in a 60 l tank). */
    public static final SimOptions MONZA = SimOptions.defaults().withLaps(7).withPitLaps(3).withFuel(30, 60, Double.NaN);
    private static SimulatedRecording monza;

    private Sessions() {
    }

    /** The {@link #MONZA} recording, simulated once. */
    public static synchronized SimulatedRecording monzaRecording() {
        if (monza == null) {
            monza = SimulatedRecording.run(MONZA);
        }
        return monza;
    }

    public static SessionData monza() {
        return of(monzaRecording(), Tracks.MONZA);
    }

    public static SessionData of(Recording r, Track t) {
        return SessionData.of(r, t.sectorStarts(), t.length(), t.displayName(), "PitBox GT3");
    }

    /**
     * {@code times} copies of the rows of {@code lap} one after another, with SessionTime, Lap and FuelLevel
     * carried on: every lap but the first and the last is the same clean lap.
     */
    public static Edited repeat(Recording r, Lap lap, int times) {
        int rows = lap.lastRecord() - lap.firstRecord() + 1;
        Edited e = new Edited(r.layout(), times * rows);
        ChannelDescriptor time = r.layout().require("SessionTime");
        double period = r.value(lap.lastRecord() + 1, time, 0) - r.value(lap.firstRecord(), time, 0);
        for (int k = 0; k < times; k++) {
            for (int i = 0; i < rows; i++) {
                int to = k * rows + i;
                int from = lap.firstRecord() + i;
                e.rows.put(e.rowStart(to), r.rows(), r.rowStart(from), r.layout().rowLength());
                e.set(to, "SessionTime", r.value(from, time, 0) + k * period);
                e.set(to, "Lap", lap.number() + k);
                e.set(to, "FuelLevel", r.value(from, r.layout().require("FuelLevel"), 0) - k * lap.fuelUsed());
            }
        }
        return e;
    }

    /** Rows held in memory that tests may change. */
    public static final class Edited implements Recording {
        private final ChannelLayout layout;
        private final ByteBuffer rows;
        private final int count;

        Edited(ChannelLayout layout, int count) {
            this(layout, ByteBuffer.allocate(count * layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN), count);
        }

        private Edited(ChannelLayout layout, ByteBuffer rows, int count) {
            this.layout = layout;
            this.rows = rows;
            this.count = count;
        }

        public void set(int record, String channel, double value) {
            ChannelDescriptor c = layout.require(channel);
            int at = rowStart(record) + c.offset();
            switch (c.type()) {
                case DOUBLE -> rows.putDouble(at, value);
                case FLOAT -> rows.putFloat(at, (float) value);
                case INT, BITFIELD -> rows.putInt(at, (int) value);
                case BOOL, CHAR -> rows.put(at, (byte) value);
            }
        }

        /** The same rows with the channels whose names start with one of {@code prefixes} hidden. */
        public Edited without(String... prefixes) {
            List<ChannelDescriptor> kept = layout.channels().stream()
                    .filter(c -> List.of(prefixes).stream().noneMatch(c.name()::startsWith)).toList();
            return new Edited(new ChannelLayout(kept, layout.rowLength()), rows, count);
        }

        /** The same rows with {@code from} replaced by {@code to} in every channel name. */
        public Edited renamed(String from, String to) {
            List<ChannelDescriptor> named = layout.channels().stream().map(c -> new ChannelDescriptor(
                    c.name().replace(from, to), c.type(), c.count(), c.countAsTime(), c.unit(), c.description(),
                    c.offset())).toList();
            return new Edited(new ChannelLayout(named, layout.rowLength()), rows, count);
        }

        @Override
        public ChannelLayout layout() {
            return layout;
        }

        @Override
        public int tickRate() {
            return 60;
        }

        @Override
        public int recordCount() {
            return count;
        }

        @Override
        public String sessionInfoYaml() {
            return "";
        }

        @Override
        public ByteBuffer rows() {
            return rows;
        }

        @Override
        public int rowStart(int record) {
            return record * layout.rowLength();
        }
    }
}
