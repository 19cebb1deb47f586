package org.pitbox.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.math.MathChannel;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;

/** Math channels in a lap comparison: computed per lap, resampled like recorded channels, exported. */
class MathComparisonTest {
    private static final double LENGTH = Tracks.RED_BULL_RING.length();
    private static final SimulatedRecording RUN = SimulatedRecording.run(
            SimOptions.defaults().withTrack(Tracks.RED_BULL_RING).withLaps(3).withSeed(11));
    private static final List<MathChannel> MATH = List.of(new MathChannel("SpeedKmh", "Speed * 3.6", "km/h"),
            new MathChannel("Pedals", "Throttle - Brake", ""), new MathChannel("Broken", "NoSuchChannel * 2", ""));

    private static List<Lap> clean() {
        return new LapSegmenter().segment(RUN).stream().filter(Lap::isClean).toList();
    }

    @Test
    void mathChannelsAreComputedPerLapAndLineUpWithTheirInputs() throws IOException {
        List<Lap> laps = clean();
        Comparison c = Comparison.builder(List.of("Speed", "SpeedKmh", "Throttle", "Brake", "Pedals"), LENGTH)
                .math(MATH).add("A", RUN, laps.get(0)).add("A", RUN, laps.get(1)).build();
        ComparedChannel speed = c.channels().get(0);
        ComparedChannel kmh = c.channels().get(1);
        assertEquals("km/h", kmh.unit());
        assertFalse(kmh.discrete());
        for (int l = 0; l < 2; l++) {
            for (int g = 0; g < c.distance().length; g += 97) {
                assertEquals(speed.values()[l][g] * 3.6, kmh.values()[l][g], 1e-4, "lap " + l + " point " + g);
                assertEquals(c.channels().get(2).values()[l][g] - c.channels().get(3).values()[l][g],
                        c.channels().get(4).values()[l][g], 1e-6);
            }
        }
        assertEquals(speed.max() * 3.6, kmh.max(), 1e-3);
        assertTrue(c.notes().isEmpty(), c.notes().toString());
        StringWriter csv = new StringWriter();
        CompareCsv.write(c, csv);
        assertTrue(csv.toString().startsWith("Session,Lap,LapDist,Speed,SpeedKmh,Throttle,Brake,Pedals\n"));
    }

    @Test
    void aMathChannelUsingAMissingChannelIsLeftEmptyWithANote() {
        Lap lap = clean().get(0);
        Comparison c = Comparison.builder(List.of("Speed", "Broken"), LENGTH).math(MATH).add("A", RUN, lap).build();
        ComparedChannel broken = c.channels().get(1);
        assertTrue(Double.isNaN(broken.min()) && Double.isNaN(broken.values()[0][5]));
        assertEquals(1, c.notes().size());
        assertTrue(c.notes().get(0).startsWith("Broken is not shown for A lap " + lap.number()
                + ": unknown channel 'NoSuchChannel' at column 1"), c.notes().get(0));
    }

    @Test
    void mathChannelsNotAskedForAreNotComputed() {
        Comparison c = Comparison.builder(List.of("Speed"), LENGTH).math(MATH).add("A", RUN, clean().get(0)).build();
        assertEquals(1, c.channels().size());
        assertTrue(c.notes().isEmpty());
    }
}
