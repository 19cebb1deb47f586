package org.pitbox.voice.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;

/** Test sessions: a simulated race played frame by frame, and a hand-made running order of cars. */
final class Session {
    private Session() {
    }

    /** Plays a simulated race of {@code laps} laps into {@code sink}, every row. */
    static void simulated(int laps, Consumer<Frame> sink) {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withLaps(laps).withSeed(7));
        Frame frame = new Frame(r.layout());
        for (int i = 0; i < r.recordCount(); i++) {
            frame.row().put(0, r.rows(), r.rowStart(i), r.layout().rowLength());
            frame.setTick(i);
            sink.accept(frame);
        }
    }

    /** One frame with the CarIdx arrays: the player (car 0) and cars at the given positions, laps and distances. */
    static Frame order(int[] positions, int[] laps, float[] pct, float[] best) {
        List<ChannelDescriptor> c = new ArrayList<>();
        c.add(new ChannelDescriptor("PlayerCarIdx", ChannelType.INT, 1, false, "", "", 0));
        c.add(new ChannelDescriptor("CarIdxPosition", ChannelType.INT, 64, false, "", "", 0));
        c.add(new ChannelDescriptor("CarIdxLapCompleted", ChannelType.INT, 64, false, "", "", 0));
        c.add(new ChannelDescriptor("CarIdxLapDistPct", ChannelType.FLOAT, 64, false, "", "", 0));
        c.add(new ChannelDescriptor("CarIdxBestLapTime", ChannelType.FLOAT, 64, false, "", "", 0));
        ChannelLayout layout = ChannelLayout.packed(c);
        Frame f = new Frame(layout);
        for (int i = 0; i < positions.length; i++) {
            f.row().putInt(layout.require("CarIdxPosition").offsetOf(i), positions[i]);
            f.row().putInt(layout.require("CarIdxLapCompleted").offsetOf(i), laps[i]);
            f.row().putFloat(layout.require("CarIdxLapDistPct").offsetOf(i), pct[i]);
            f.row().putFloat(layout.require("CarIdxBestLapTime").offsetOf(i), best[i]);
        }
        return f;
    }
}
