package org.pitbox.voice.speak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.Frame;

class StraightsTest {
    /** A lap of 200 samples, 0.1 s apart, turning hard at samples 50-70 and 140-160. */
    @Test
    void straightsAreTheStretchesWithoutBrakingOrSteeringLessTheirLastSecond() {
        int n = 200;
        double[] pct = new double[n];
        double[] time = new double[n];
        double[] steer = new double[n];
        double[] brake = new double[n];
        for (int i = 0; i < n; i++) {
            pct[i] = i / (double) n;
            time[i] = i * 0.1;
            steer[i] = i >= 50 && i <= 70 || i >= 140 && i <= 160 ? 0.8 : 0.02;
        }
        brake[45] = 0.9;
        Straights s = Straights.of(pct, time, steer, brake);
        assertEquals(2, s.ranges().size(), s.ranges().toString());
        assertTrue(s.test(pct[100]), "the middle of the back straight");
        assertFalse(s.test(pct[135]), "its last second");
        assertFalse(s.test(pct[60]), "a corner");
        assertFalse(s.test(pct[45]), "braking");
        assertTrue(s.test(pct[190]) && s.test(pct[10]), "the main straight runs over the line");
        assertFalse(s.test(pct[40]), "the main straight's last second");
    }

    @Test
    void aSimulatedLapGivesTheStraightsAfterItsFirstWholeLap() {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withLaps(3).withSeed(7));
        Frame frame = new Frame(r.layout());
        TrackPlace place = new TrackPlace();
        ChannelDescriptor lap = r.layout().require("Lap");
        assertTrue(place.onStraight(0.5), "before a lap is known nothing waits");
        double first = Double.NaN;
        for (int i = 0; i < r.recordCount(); i++) {
            frame.row().put(0, r.rows(), r.rowStart(i), r.layout().rowLength());
            place.update(frame);
            first = i == 0 ? frame.value(lap, 0) : first;
            if (frame.value(lap, 0) == first) {
                assertNull(place.straights(), "no straights before a whole lap");
            }
        }
        Straights s = place.straights();
        assertNotNull(s);
        assertFalse(s.ranges().isEmpty(), "the track has straights");
        double on = 0;
        for (int i = 0; i < 1000; i++) {
            on += s.test(i / 1000.0) ? 1 : 0;
        }
        assertTrue(on > 50 && on < 900, "part of the lap is straight: " + on / 10 + " % " + s.ranges());
        assertEquals(place.lapDistance(), frame.value(r.layout().require("LapDistPct"), 0), 1e-9);
    }
}
