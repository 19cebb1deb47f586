package org.pitbox.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.chart.LapOverlay;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;

class ComparisonTest {
    private static final double LENGTH = Tracks.RED_BULL_RING.length();
    private static final SimulatedRecording RUN = simulate(7);

    private static SimulatedRecording simulate(long seed) {
        return SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.RED_BULL_RING).withLaps(4).withSeed(seed));
    }

    private static List<Lap> clean(SimulatedRecording r) {
        return new LapSegmenter().segment(r).stream().filter(Lap::isClean).toList();
    }

    @Test
    void lapsLineUpByDistanceWithTheirDeltaToTheFastest() {
        List<Lap> laps = clean(RUN);
        Comparison c = Comparison.builder(Comparison.DEFAULT_CHANNELS, LENGTH)
                .add("A", RUN, laps.get(0)).add("A", RUN, laps.get(1)).add("A", RUN, laps.get(2)).build();
        double[] x = c.distance();
        assertEquals("m", c.distanceUnit());
        assertEquals(0, x[0]);
        assertEquals(LENGTH, x[x.length - 1], 1e-9);
        assertEquals(Comparison.DEFAULT_CHANNELS, c.channels().stream().map(ComparedChannel::name).toList());
        int fastest = laps.subList(0, 3).indexOf(laps.subList(0, 3).stream()
                .min((a, b) -> Double.compare(a.lapTime(), b.lapTime())).orElseThrow());
        assertEquals(fastest, c.reference());

        ComparedChannel delta = c.channels().get(5);
        assertEquals("s", delta.unit());
        for (int l = 0; l < 3; l++) {
            double[] d = delta.values()[l];
            assertEquals(0, d[0], 1e-12, "every lap starts level at the line");
            assertEquals(laps.get(l).lapTime() - laps.get(c.reference()).lapTime(), d[d.length - 1], 1e-9,
                    "the delta at the line is the lap time difference");
            for (double v : d) {
                assertTrue(Math.abs(v) < 5, "delta stays plausible: " + v);
                assertTrue(l != c.reference() || v == 0, "the reference is its own zero");
            }
        }

        ComparedChannel speed = c.channels().get(0);
        assertEquals("m/s", speed.unit());
        double[][] overlay = LapOverlay.lap(RUN.column("LapDistPct"), laps.get(1), List.of(RUN.column("Speed")),
                c.pct());
        assertArrayEquals(overlay[0], speed.values()[1], 1e-12, "the same resampling as LapOverlay");
        assertTrue(speed.min() > 10 && speed.max() > 60 && speed.max() < 120, speed.min() + ".." + speed.max());

        ComparedChannel gear = c.channels().get(3);
        assertTrue(gear.discrete() && !speed.discrete());
        for (double g : gear.values()[0]) {
            assertTrue(g == Math.rint(g) && g >= 1 && g <= 8, "whole gears: " + g);
        }
    }

    @Test
    void lapsOfDifferentRecordingsCompare() {
        SimulatedRecording other = simulate(99);
        Lap mine = clean(RUN).get(0);
        Lap theirs = clean(other).get(1);
        Comparison c = Comparison.builder(List.of("Speed", Comparison.DELTA), LENGTH)
                .add("me", RUN, mine).add("team mate", other, theirs).build(0);
        assertEquals(List.of("me", "team mate"), c.laps().stream().map(ComparedLap::session).toList());
        double[] d = c.channels().get(1).values()[1];
        assertEquals(theirs.lapTime() - mine.lapTime(), d[d.length - 1], 1e-9);
    }

    @Test
    void anOutLapIsComparedFromWhereItJoins() {
        List<Lap> all = new LapSegmenter().segment(RUN);
        Lap out = all.get(0);
        assertTrue(out.startPct() > 0, "the simulated session starts with an out lap");
        Comparison c = Comparison.builder(List.of("Speed", Comparison.DELTA, "NoSuchChannel"), 0)
                .add("A", RUN, all.get(2)).add("A", RUN, out).build();
        assertEquals(0, c.reference(), "the lap driven from the line is the reference");
        assertEquals("%", c.distanceUnit());
        assertEquals(1, c.distance()[c.distance().length - 1], 1e-9);
        double[] d = c.channels().get(1).values()[1];
        int first = 0;
        while (Double.isNaN(d[first])) {
            first++;
        }
        assertTrue(c.pct()[first] > 0.005 && c.pct()[first] < 0.02, "joins at " + c.pct()[first]);
        assertEquals(0, d[first], 1e-12, "level where the out lap joins");
        ComparedChannel missing = c.channels().get(2);
        assertTrue(Double.isNaN(missing.min()) && Double.isNaN(missing.values()[0][10]) && missing.unit().isEmpty());
    }

    @Test
    void cursorReadsEveryLapAtOneDistance() {
        List<Lap> laps = clean(RUN);
        Comparison c = Comparison.builder(List.of("Speed", "Gear"), LENGTH).add("A", RUN, laps.get(0))
                .add("A", RUN, laps.get(1)).build();
        double[] out = new double[2];
        int g = 1234;
        c.valuesAt(0, c.distance()[g], out);
        assertEquals(c.channels().get(0).values()[0][g], out[0], 1e-12);
        assertEquals(c.channels().get(0).values()[1][g], out[1], 1e-12);
        c.valuesAt(1, (c.distance()[g] + c.distance()[g + 1]) / 2, out);
        assertEquals(Math.rint(out[0]), out[0], "a gear between two grid points is still whole");
        c.valuesAt(0, LENGTH + 10, out);
        assertTrue(Double.isNaN(out[0]) && Double.isNaN(out[1]));
    }

    @Test
    void thinsTheVisibleRangeToThePixelWidth() {
        List<Lap> laps = clean(RUN);
        Comparison c = Comparison.builder(List.of("Speed"), LENGTH).add("A", RUN, laps.get(0)).build();
        XRange view = c.fullRange();
        view.zoom(0.25, 1500);
        Line line = new Line();
        int pixels = 400;
        int n = c.thin(0, 0, view, pixels, line);
        assertTrue(n > pixels && n <= 3 * pixels + 2, "points: " + n);
        double[] x = c.distance();
        double[] y = c.channels().get(0).values()[0];
        double step = x[1] - x[0];
        double max = Double.NEGATIVE_INFINITY;
        double shownMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= view.from() && x[i] <= view.to()) {
                max = Math.max(max, y[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            assertTrue(line.x(i) >= view.from() - step && line.x(i) <= view.to() + step, "x " + line.x(i));
            assertTrue(i == 0 || line.x(i) > line.x(i - 1));
            shownMax = Math.max(shownMax, line.y(i));
        }
        assertTrue(shownMax >= max, "the top speed in view survives thinning");
    }

    @Test
    void csvHoldsOneLinePerLapAndDistance() throws IOException {
        List<Lap> laps = clean(RUN);
        Comparison c = Comparison.builder(List.of("Speed", "Gear", Comparison.DELTA), LENGTH)
                .add("my, session", RUN, laps.get(0)).add("B", RUN, laps.get(1)).build(0);
        StringWriter out = new StringWriter();
        CompareCsv.write(c, out);
        String[] lines = out.toString().split("\n");
        assertEquals("Session,Lap,LapDist,Speed,Gear,Delta", lines[0]);
        int points = c.distance().length;
        assertEquals(1 + 2 * points, lines.length);
        String[] row = lines[1 + points + 100].split(",");
        assertEquals(6, row.length);
        assertEquals("B", row[0]);
        assertEquals(Integer.toString(laps.get(1).number()), row[1]);
        assertEquals(c.distance()[100], Double.parseDouble(row[2]));
        assertEquals(c.channels().get(0).values()[1][100], Double.parseDouble(row[3]));
        assertEquals((long) c.channels().get(1).values()[1][100], Long.parseLong(row[4]));
        assertTrue(lines[1].startsWith("my  session,"), "commas never reach the file: " + lines[1]);
    }
}
