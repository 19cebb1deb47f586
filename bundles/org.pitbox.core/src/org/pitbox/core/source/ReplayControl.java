package org.pitbox.core.source;

import java.util.List;

/** Play, pause, speed and seek of a feed that replays a recording. Safe to call from any thread. */
public interface ReplayControl {
    /** The speeds a replay runs at, slowest first. */
    List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0);

    double speed();

    /** Sets one of {@link #SPEEDS}; the replay carries on from where it is. */
    void speed(double speed);

    boolean paused();

    void pause();

    void resume();

    /** Moves to {@code seconds} from the start, clamped to the recording. */
    void seek(double seconds);

    /** Seconds from the start of the recording to the row due now. */
    double position();

    /** Seconds from the first row to the last. */
    double duration();

    /** A speed for people: {@code 0.25x}, {@code 2x}. */
    static String label(double speed) {
        return (speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed)) + "x";
    }
}
