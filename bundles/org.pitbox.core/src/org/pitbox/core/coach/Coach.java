package org.pitbox.core.coach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.Recording;

/** The rule-based coach on a stream of rows: a {@link RaceState}, and a {@link RuleCoach} hint after each lap. */
public final class Coach {
    private final RaceState state;
    private final RuleCoach rules = new RuleCoach();
    private boolean lapEnded;

    /** As {@link RaceState#RaceState}. */
    public Coach(ChannelLayout layout, List<Double> sectorStarts, double trackLength, int tickRate, int raceLaps) {
        state = new RaceState(layout, sectorStarts, trackLength, tickRate, raceLaps);
    }

    /**
     * What the coach said over a recording.
     *
     * @param hints       in lap order
     * @param cited       for each hint, the fact sheet it was written from
     * @param nanosPerLap the coach's time for each completed lap: its rows, its facts and its hint
     */
    public record Run(List<Hint> hints, List<FactSheet> cited, long[] nanosPerLap) {
    }

    /** Reads the next row; the hint when it completed a lap and there is something to say, else null. */
    public Hint update(Frame frame) {
        lapEnded = state.update(frame);
        return lapEnded ? rules.hint(state.facts(), state.lastLap().number()) : null;
    }

    /** Whether the last row completed a lap. */
    public boolean lapEnded() {
        return lapEnded;
    }

    public RaceState state() {
        return state;
    }

    /** Every row of {@code recording} through the coach, timing each lap. */
    public Run run(Recording recording) {
        Frame frame = new Frame(recording.layout());
        int length = recording.layout().rowLength();
        List<Hint> hints = new ArrayList<>();
        List<FactSheet> cited = new ArrayList<>();
        long[] nanos = new long[16];
        int laps = 0;
        long spent = 0;
        for (int i = 0, n = recording.recordCount(); i < n; i++) {
            frame.row().put(0, recording.rows(), recording.rowStart(i), length);
            frame.setTick(i);
            long start = System.nanoTime();
            Hint hint = update(frame);
            spent += System.nanoTime() - start;
            if (hint != null) {
                hints.add(hint);
                cited.add(state.facts());
            }
            if (lapEnded) {
                nanos = laps == nanos.length ? Arrays.copyOf(nanos, laps * 2) : nanos;
                nanos[laps++] = spent;
                spent = 0;
            }
        }
        return new Run(hints, cited, Arrays.copyOf(nanos, laps));
    }
}
