package org.pitbox.core.analysis;

import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Track;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.core.testing.EditableRecording;

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
    public static EditableRecording repeat(Recording r, LapInfo lap, int times) {
        int rows = lap.lastRecord() - lap.firstRecord() + 1;
        EditableRecording e = EditableRecording.blank(r.layout(), times * rows);
        ChannelDescriptor time = r.layout().require("SessionTime");
        double period = r.value(lap.lastRecord() + 1, time, 0) - r.value(lap.firstRecord(), time, 0);
        for (int k = 0; k < times; k++) {
            for (int i = 0; i < rows; i++) {
                int to = k * rows + i;
                int from = lap.firstRecord() + i;
                e.copyRow(r, from, to);
                e.set(to, "SessionTime", r.value(from, time, 0) + k * period);
                e.set(to, "Lap", lap.number() + k);
                e.set(to, "FuelLevel", r.value(from, r.layout().require("FuelLevel"), 0) - k * lap.fuelUsed());
            }
        }
        return e;
    }
}
