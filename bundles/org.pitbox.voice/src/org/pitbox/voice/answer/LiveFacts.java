package org.pitbox.voice.answer;

import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.live.LiveLap;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * Keeps the figures spoken answers need from every live frame: laps and fuel through core's {@link LiveLap} with
 * the overlay's average and margin (so a spoken figure is the one on screen), the running order from the
 * CarIdx arrays where the source has them. The feed's thread calls {@link #update}; the voice thread takes
 * {@link #facts()}.
 */
public final class LiveFacts {
    private static final int MAX_CARS = 64;

    private ChannelLayout layout;
    private LiveLap liveLap;
    private ChannelDescriptor timeRemain;
    private ChannelDescriptor player;
    private ChannelDescriptor carPosition;
    private ChannelDescriptor carLaps;
    private ChannelDescriptor carPct;
    private ChannelDescriptor carBest;
    private double secondsLeft = Double.NaN;
    private double sessionBest = Double.NaN;
    private double gapAhead = Double.NaN;
    private double gapBehind = Double.NaN;
    private int position;
    private int cars;

    /** Reads one frame; a frame of another layout starts over. */
    public synchronized void update(Frame frame) {
        if (frame.layout() != layout) {
            bind(frame.layout());
        }
        liveLap.update(frame);
        double left = read(frame, timeRemain);
        secondsLeft = left >= 0 && left < 86_400 ? left : Double.NaN;
        order(frame);
    }

    private void bind(ChannelLayout next) {
        layout = next;
        liveLap = new LiveLap(next);
        timeRemain = next.find("SessionTimeRemain").orElse(null);
        player = next.find("PlayerCarIdx").orElse(null);
        carPosition = next.find("CarIdxPosition").orElse(null);
        carLaps = next.find("CarIdxLapCompleted").orElse(null);
        carPct = next.find("CarIdxLapDistPct").orElse(null);
        carBest = next.find("CarIdxBestLapTime").orElse(null);
    }

    private static double read(Frame frame, ChannelDescriptor c) {
        return c == null ? Double.NaN : frame.value(c, 0);
    }

    /** Position, cars, the gaps to the cars a place ahead and behind (distance over the pace), session best. */
    private void order(Frame frame) {
        position = 0;
        cars = 0;
        gapAhead = Double.NaN;
        gapBehind = Double.NaN;
        sessionBest = liveLap.bestLapTime();
        if (carPosition == null || player == null) {
            return;
        }
        int me = (int) read(frame, player);
        int n = Math.min(MAX_CARS, carPosition.count());
        if (me < 0 || me >= n) {
            return;
        }
        position = frame.getInt(carPosition, me);
        double pace = liveLap.bestLapTime() > 0 ? liveLap.bestLapTime() : liveLap.lastLapTime();
        for (int i = 0; i < n; i++) {
            int p = frame.getInt(carPosition, i);
            if (p <= 0) {
                continue;
            }
            cars++;
            double best = carBest == null || i >= carBest.count() ? Double.NaN : frame.value(carBest, i);
            if (best > 0 && !(best >= sessionBest)) {
                sessionBest = best;
            }
            if (position > 0 && (p == position - 1 || p == position + 1)) {
                double gap = (distance(frame, i) - distance(frame, me)) * pace;
                if (p < position) {
                    gapAhead = gap;
                } else {
                    gapBehind = -gap;
                }
            }
        }
    }

    private double distance(Frame frame, int car) {
        if (carLaps == null || carPct == null || car >= carLaps.count() || car >= carPct.count()) {
            return Double.NaN;
        }
        return frame.value(carLaps, car) + frame.value(carPct, car);
    }

    /** The figures now; empty figures before the first frame. */
    public synchronized VoiceFacts facts() {
        FuelFigures f = new FuelFigures();
        if (liveLap == null) {
            f.compute(Double.NaN, Double.NaN, Double.NaN, FuelFigures.MARGIN, Double.NaN, Double.NaN, Double.NaN);
            return new VoiceFacts(f, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN);
        }
        var stats = liveLap.fuelStats();
        liveLap.figures(f, stats.average(FuelFigures.AVERAGE_LAPS), FuelFigures.MARGIN);
        return new VoiceFacts(f, stats.held(FuelFigures.AVERAGE_LAPS), liveLap.lastLapTime(), liveLap.bestLapTime(),
                sessionBest, gapAhead, gapBehind, position, cars, secondsLeft);
    }
}
