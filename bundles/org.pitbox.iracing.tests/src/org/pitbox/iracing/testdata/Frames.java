package org.pitbox.iracing.testdata;

import java.util.function.Consumer;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.Recording;

/** A recording's rows as live frames, in order: what a live feed of the same session gives. */
public final class Frames {
    private Frames() {
    }

    /** Hands every row of {@code recording} to {@code reader} as one reused frame, its tick the row number. */
    public static void each(Recording recording, Consumer<Frame> reader) {
        Frame frame = new Frame(recording.layout());
        int length = recording.layout().rowLength();
        for (int i = 0; i < recording.recordCount(); i++) {
            frame.row().put(0, recording.rows(), recording.rowStart(i), length);
            frame.setTick(i);
            reader.accept(frame);
        }
    }
}
