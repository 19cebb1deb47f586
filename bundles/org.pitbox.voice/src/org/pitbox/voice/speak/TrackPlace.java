package org.pitbox.voice.speak;

import java.util.Arrays;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * Where the car is on the lap and where the straights are, from live frames: the first whole lap driven (the
 * line crossed twice) gives the {@link Straights}; until then {@link #straights()} is null. The feed's thread
 * calls {@link #update}; the speech queue reads {@link #lapDistance()} and {@link #straights()}.
 */
public final class TrackPlace {
    private static final int MAX_SAMPLES = 60 * 60 * 60;

    private ChannelLayout layout;
    private ChannelDescriptor pct;
    private ChannelDescriptor time;
    private ChannelDescriptor steer;
    private ChannelDescriptor brake;
    private double[][] lap = new double[4][1024];
    private int samples = -1;
    private volatile double lapDistance = Double.NaN;
    private volatile Straights straights;

    /** Reads one frame; a frame of another layout starts over. */
    public void update(Frame frame) {
        if (frame.layout() != layout) {
            layout = frame.layout();
            pct = layout.find("LapDistPct").orElse(null);
            time = layout.find("SessionTime").orElse(null);
            steer = layout.find("SteeringWheelAngle").orElse(null);
            brake = layout.find("Brake").orElse(null);
            samples = -1;
            straights = null;
        }
        if (pct == null) {
            lapDistance = Double.NaN;
            return;
        }
        double at = frame.value(pct, 0);
        double before = lapDistance;
        lapDistance = at;
        if (straights != null || time == null || steer == null || brake == null) {
            return;
        }
        boolean crossed = before > 0.9 && at < 0.1;
        if (crossed && samples > 0) {
            straights = Straights.of(Arrays.copyOf(lap[0], samples), Arrays.copyOf(lap[1], samples),
                    Arrays.copyOf(lap[2], samples), Arrays.copyOf(lap[3], samples));
            return;
        }
        if (crossed) {
            samples = 0;
        }
        if (samples >= 0 && samples < MAX_SAMPLES) {
            add(at, frame.value(time, 0), frame.value(steer, 0), frame.value(brake, 0));
        }
    }

    private void add(double... values) {
        if (samples == lap[0].length) {
            for (int c = 0; c < lap.length; c++) {
                lap[c] = Arrays.copyOf(lap[c], samples * 2);
            }
        }
        for (int c = 0; c < lap.length; c++) {
            lap[c][samples] = values[c];
        }
        samples++;
    }

    /** Lap distance now, 0 to 1; NaN when unknown. */
    public double lapDistance() {
        return lapDistance;
    }

    /** The straights, once a whole lap was driven; else null. */
    public Straights straights() {
        return straights;
    }

    /** Whether the car is on a straight; true when that is not known yet, so nothing waits for ever. */
    public boolean onStraight(double at) {
        Straights s = straights;
        return s == null || s.test(at);
    }
}
