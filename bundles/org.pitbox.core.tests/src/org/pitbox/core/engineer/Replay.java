package org.pitbox.core.engineer;

import java.util.function.Consumer;

import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.Recording;

/** Feeds the rows of a recording one by one through a frame, as a live feed read with readNext would. */
final class Replay {
    private final Recording recording;
    private final Frame frame;

    Replay(Recording recording) {
        this(recording, recording.layout());
    }

    /** Rows of {@code recording} read through another layout of the same row length (channels hidden, say). */
    Replay(Recording recording, ChannelLayout layout) {
        this.recording = recording;
        this.frame = new Frame(layout);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), every {@code step}-th, each handed to {@code sink}. */
    void rows(int from, int to, int step, Consumer<Frame> sink) {
        int length = frame.layout().rowLength();
        for (int r = from; r < to; r += step) {
            frame.row().put(0, recording.rows(), recording.rowStart(r), length);
            frame.setTick(r);
            sink.accept(frame);
        }
    }

    void all(Consumer<Frame> sink) {
        rows(0, recording.recordCount(), 1, sink);
    }
}
