package org.pitbox.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TracksTest {

    @Test
    void findsTracksByAnyName() {
        assertEquals(Optional.of(Tracks.MONZA), Tracks.find("MONZA"));
        assertEquals(Optional.of(Tracks.MONZA), Tracks.find("monza full"));
        assertEquals(Optional.of(Tracks.RED_BULL_RING), Tracks.find("Red Bull Ring"));
        assertEquals(Optional.of(Tracks.RED_BULL_RING), Tracks.find("spielberg"));
        assertEquals(Optional.of(Tracks.MARTINSVILLE), Tracks.find("Martinsville Speedway"));
        assertEquals(Optional.empty(), Tracks.find("nowhere"));
        assertEquals(Optional.empty(), Tracks.find(""));
        for (Track t : Tracks.all()) {
            assertTrue(Tracks.choices().contains(t.name()));
        }
    }

    static Iterable<Track> tracks() {
        return Tracks.all();
    }

    @ParameterizedTest
    @MethodSource("tracks")
    void pathIsClosedAndTurnsOnce(Track t) {
        int n = t.samples();
        double ds = t.length() / n;
        assertEquals(Math.round(t.length()), n);
        assertTrue(t.closingGap() < 0.02 * t.length(), "gap " + t.closingGap());
        double turn = 0;
        double longest = 0;
        for (int i = 0; i < n; i++) {
            turn += t.curvature(i) * ds;
            int j = (i + 1) % n;
            longest = Math.max(longest, Math.hypot(t.x(j) - t.x(i), t.y(j) - t.y(i)));
        }
        assertEquals(2 * Math.PI, Math.abs(turn), 1e-9);
        assertTrue(longest < 1.5 * ds, "step " + longest);
        double ideal = new TelemetrySimulator(SimOptions.defaults().withTrack(t)).idealLapTime();
        assertTrue(ideal > t.length() / 80 && ideal < t.length() / 25, "ideal lap " + ideal);
    }
}
