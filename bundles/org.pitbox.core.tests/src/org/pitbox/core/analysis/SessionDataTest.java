package org.pitbox.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapDelta;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;

class SessionDataTest {

    @Test
    void lapsReferenceAndChannelsComeFromTheRecording() {
        SimulatedRecording r = Sessions.monzaRecording();
        SessionData s = Sessions.monza();
        List<Lap> segmented = new LapSegmenter(Tracks.MONZA.sectorStarts()).segment(r);
        assertEquals(segmented.stream().map(l -> l.toString().substring("Lap".length())).toList(),
                s.laps().stream().map(l -> l.toString().substring("LapInfo".length())).toList(),
                "every lap, every component");
        LapInfo best = s.laps().stream().filter(LapInfo::isClean).min(Comparator.comparingDouble(LapInfo::lapTime))
                .orElseThrow();
        assertEquals(best, s.referenceLap().orElseThrow());
        assertTrue(s.cleanLaps().stream().allMatch(LapInfo::isClean));
        Channel speed = s.channel("Speed");
        assertSame(speed, s.channel("Speed"), "columns are read once");
        assertEquals(r.recordCount(), speed.length());
        assertEquals(r.column("Speed")[100], speed.get(100));
        assertEquals("m/s", speed.unit());
        double[] copy = speed.copy(0, 10);
        copy[0] = -1;
        assertEquals(r.column("Speed")[0], speed.get(0), "copies do not write through");
        assertThrows(NoSuchElementException.class, () -> s.channel("NoSuchChannel"));
        assertTrue(s.find("NoSuchChannel").isEmpty());
        assertEquals(Tracks.MONZA.length(), s.trackLengthMeters());
        assertEquals("Autodromo Nazionale Monza", s.trackName());
    }

    @Test
    void theDeltaIsTheLapDeltaOfTheSegmentedLaps() {
        SessionData s = Sessions.monza();
        List<Lap> segmented = new LapSegmenter(Tracks.MONZA.sectorStarts()).segment(Sessions.monzaRecording());
        LapInfo best = s.referenceLap().orElseThrow();
        LapInfo lap = s.cleanLaps().stream().filter(l -> !l.equals(best)).findFirst().orElseThrow();
        LapDelta.Trace expected = LapDelta.between(Sessions.monzaRecording(), segmented.get(s.laps().indexOf(lap)),
                segmented.get(s.laps().indexOf(best)));
        DeltaTrace delta = s.deltaToReference(lap);
        assertArrayEquals(expected.distancePct(), delta.distancePct());
        assertArrayEquals(expected.deltaSeconds(), delta.deltaSeconds());
        assertEquals(Arrays.stream(Lap.Flag.values()).map(Enum::name).toList(),
                Arrays.stream(LapInfo.Flag.values()).map(Enum::name).toList(), "the API names the same flags");
    }

    @Test
    void theDeltaIsInterpolatedAlongTheLap() {
        DeltaTrace trace = new DeltaTrace(new double[] {0.1, 0.5, 0.9}, new double[] {0.0, 1.0, -1.0});
        assertEquals(0.0, trace.deltaAt(0.0), "before the first sample");
        assertEquals(0.5, trace.deltaAt(0.3), 1e-12);
        assertEquals(1.0, trace.deltaAt(0.5));
        assertEquals(-0.5, trace.deltaAt(0.8), 1e-12);
        assertEquals(-1.0, trace.deltaAt(1.0), "after the last sample");
        assertEquals(0.0, new DeltaTrace(new double[0], new double[0]).deltaAt(0.5), "an empty trace");
    }

    @Test
    void sectorsStartAtZeroAndAMissingLengthIsMeasured() {
        SessionData s = SessionData.of(Sessions.monzaRecording(), List.of(0.319, 0.685), Double.NaN, null, null);
        assertEquals(List.of(0.0, 0.319, 0.685), s.sectorStarts());
        assertEquals(Tracks.MONZA.length(), s.trackLengthMeters(), 20);
        assertEquals("unknown track", s.trackName());
    }

    @Test
    void aRecordingWithoutLapChannelsHasNoLaps() {
        SessionData s = Sessions.of(Sessions.repeat(Sessions.monzaRecording(), Sessions.monza().cleanLaps().get(0), 1)
                .without("LapDistPct"), Tracks.MONZA);
        assertTrue(s.laps().isEmpty());
        assertFalse(s.referenceLap().isPresent());
        assertThrows(IllegalStateException.class, () -> s.deltaToReference(Sessions.monza().laps().get(1)));
    }
}
