package org.pitbox.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;

class SessionDataTest {

    @Test
    void lapsReferenceAndChannelsComeFromTheRecording() {
        SimulatedRecording r = Sessions.monzaRecording();
        SessionData s = Sessions.monza();
        assertEquals(new LapSegmenter(Tracks.MONZA.sectorStarts()).segment(r), s.laps());
        Lap best = s.laps().stream().filter(Lap::isClean).min(Comparator.comparingDouble(Lap::lapTime)).orElseThrow();
        assertEquals(best, s.referenceLap().orElseThrow());
        assertTrue(s.cleanLaps().stream().allMatch(Lap::isClean));
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
