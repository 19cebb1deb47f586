package org.pitbox.server.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.MemoryRecording;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.core.telemetry.Rows;
import org.pitbox.iracing.ibt.IbtWriter;

/**
 * Simulated sessions as iRacing records incidents: the simulator's rows of Martinsville cut, joined and changed.
 * A reset or a tow puts the car in its pit stall with the lap counter unchanged; a restart starts the session
 * over; a counter may jump; SessionTime may jump inside a lap. Each makes laps whose numbers repeat or skip.
 */
final class Incidents {
    private static final ChannelLayout LAYOUT = TelemetrySimulator.layout();
    private static final Recording SIM = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
            .withLaps(4).withPitLaps(3));
    private static final List<Lap> LAPS = new LapSegmenter().segment(SIM);
    static final Case RESET = intoTheStall("reset to the pits mid-lap", 1.0 / TelemetrySimulator.TICK_RATE);
    static final Case TOW = intoTheStall("towed to the pits mid-lap", 45);
    static final Case COUNTER_AHEAD = counter("lap counter jumps ahead mid-lap", 1, 5);
    static final Case COUNTER_BACK = counter("lap counter goes back mid-lap", 2, -2);
    static final Case RESTART = restart();
    static final Case TIME_GAP = timeGap();
    static final List<Case> ALL = List.of(RESET, TOW, COUNTER_AHEAD, COUNTER_BACK, RESTART, TIME_GAP);

    /** A named session: its rows (of the simulator's layout) and session info. */
    record Case(String name, List<byte[]> rows, String yaml) {
        /** The rows as an .ibt file's bytes. */
        byte[] ibt() throws IOException {
            Path file = Files.createTempFile("pitbox-incident", ".ibt");
            try {
                try (IbtWriter writer = IbtWriter.create(file, LAYOUT, yaml, TelemetrySimulator.TICK_RATE,
                        Ibts.START)) {
                    for (byte[] row : rows) {
                        writer.append(ByteBuffer.wrap(row), 0);
                    }
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Incidents() {
    }

    /** From the middle of lap {@code lap} on, the lap counter says {@code delta} more. */
    private static Case counter(String name, int lap, int delta) {
        List<byte[]> rows = take(0, SIM.recordCount());
        add(rows, "Lap", middle(lap), delta);
        return new Case(name, rows, SIM.sessionInfoYaml());
    }

    /** The session restarts in lap 2: time and lap counter start over. */
    private static Case restart() {
        List<byte[]> rows = take(0, middle(2));
        rows.addAll(take(0, SIM.recordCount()));
        return new Case("session restarted", rows, SIM.sessionInfoYaml());
    }

    /** SessionTime jumps 5 s inside lap 1. */
    private static Case timeGap() {
        List<byte[]> rows = take(0, SIM.recordCount());
        add(rows, "SessionTime", middle(1), 5);
        return new Case("SessionTime jumps 5 s mid-lap", rows, SIM.sessionInfoYaml());
    }

    /**
     * A reset ({@code seconds} one tick) or a tow: the rows up to the middle of lap 1, then the pit stop's stall on,
     * {@code seconds} later, with the lap counter where it was.
     */
    private static Case intoTheStall(String name, double seconds) {
        int cut = middle(1);
        int stall = stall();
        List<byte[]> rows = take(0, cut);
        rows.addAll(take(stall, SIM.recordCount()));
        add(rows, "SessionTime", cut, value(cut - 1, "SessionTime") + seconds - value(stall, "SessionTime"));
        add(rows, "Lap", cut, value(cut - 1, "Lap") - value(stall, "Lap"));
        return new Case(name, rows, SIM.sessionInfoYaml());
    }

    /** The first row of the pit stop: on pit road, standing. */
    private static int stall() {
        for (int i = 0; i < SIM.recordCount(); i++) {
            if (value(i, "OnPitRoad") != 0 && value(i, "Speed") < 0.1) {
                return i;
            }
        }
        throw new IllegalStateException("the simulated session has no pit stop");
    }

    private static int middle(int lap) {
        Lap l = LAPS.get(lap);
        return (l.firstRecord() + l.lastRecord()) / 2;
    }

    private static double value(int record, String channel) {
        return Rows.asDouble(SIM.rows(), SIM.rowStart(record), LAYOUT.require(channel), 0);
    }

    private static List<byte[]> take(int from, int to) {
        List<byte[]> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            byte[] row = new byte[LAYOUT.rowLength()];
            SIM.rows().get(SIM.rowStart(i), row);
            rows.add(row);
        }
        return rows;
    }

    /** Adds {@code delta} to a channel in rows {@code from} to the end. */
    private static void add(List<byte[]> rows, String channel, int from, double delta) {
        ChannelDescriptor c = LAYOUT.require(channel);
        for (byte[] row : rows.subList(from, rows.size())) {
            ByteBuffer b = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
            Rows.put(b, 0, c, 0, Rows.asDouble(b, 0, c, 0) + delta);
        }
    }

    /**
     * A small .ibt of only SessionTime, Lap and LapDistPct: {@code laps} laps numbered 1 of two rows each (the car
     * jumps between them) on a track of {@code sectors} sectors.
     */
    static byte[] tiny(int laps, int sectors) throws IOException {
        ChannelLayout layout = ChannelLayout.packed(List.of(
                new ChannelDescriptor("SessionTime", ChannelType.DOUBLE, 1, false, "s", "", 0),
                new ChannelDescriptor("Lap", ChannelType.INT, 1, false, "", "", 0),
                new ChannelDescriptor("LapDistPct", ChannelType.FLOAT, 1, false, "%", "", 0)));
        StringBuilder yaml = new StringBuilder("---\nSplitTimeInfo:\n Sectors:\n");
        for (int s = 0; s < sectors; s++) {
            yaml.append(" - SectorNum: ").append(s).append("\n   SectorStartPct: ")
                    .append(String.format(Locale.ROOT, "%.6f", (double) s / sectors)).append('\n');
        }
        ByteBuffer rows = ByteBuffer.allocate(2 * laps * layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 2 * laps; i++) {
            int at = i * layout.rowLength();
            Rows.put(rows, at, layout.require("SessionTime"), 0, i / 60.0);
            Rows.put(rows, at, layout.require("Lap"), 0, 1);
            Rows.put(rows, at, layout.require("LapDistPct"), 0, (i / 2 % 2 == 0 ? 0.1 : 0.5) + i % 2 * 0.001);
        }
        Path file = Files.createTempFile("pitbox-tiny", ".ibt");
        try {
            IbtWriter.write(new MemoryRecording(layout, 60, yaml.append("...\n").toString(), rows, 2 * laps), file,
                    Ibts.START);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
