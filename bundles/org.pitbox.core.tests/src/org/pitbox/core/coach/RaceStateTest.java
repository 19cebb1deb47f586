package org.pitbox.core.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Track;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;

class RaceStateTest {
    private static final Track TRACK = Tracks.RED_BULL_RING;

    @Test
    void factsFollowTheLapsOfARecording() {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withTrack(TRACK).withLaps(4));
        RaceState state = new RaceState(r.layout(), TRACK.sectorStarts(), TRACK.length(), r.tickRate(), 0);
        Frame frame = new Frame(r.layout());
        FactSheet last = null;
        for (int i = 0; i < r.recordCount(); i++) {
            frame.row().put(0, r.rows(), r.rowStart(i), r.layout().rowLength());
            if (state.update(frame)) {
                last = state.facts();
            }
        }
        List<Lap> laps = new LapSegmenter(TRACK.sectorStarts()).segment(r);
        assertEquals(laps.stream().map(Lap::number).toList().subList(0, state.laps().size()),
                state.laps().stream().map(Lap::number).toList(), "the laps the segmenter finds, from the same engine");
        Lap lap3 = state.laps().get(2);
        assertEquals(lap3.lapTime(), last.value("lap3.time"), 1e-9);
        assertEquals(lap3.sectorTimes().get(1), last.facts().stream().filter(f -> f.id().equals("best.s2.time"))
                .findFirst().orElseThrow().value(), 1.0, "a best sector near lap 3's");
        assertTrue(last.has("best.t1.brake_point") && last.has("fuel.per_lap") && last.has("lap" + state.lastLap().number() + ".tyre.lf.temp"),
                last.toJson());
        Fact corner = last.get("best.t1.min_speed");
        assertEquals("km/h", corner.unit());
        assertEquals(1, corner.corner());
        assertEquals(1, last.value("session.pit_stops"), "the in lap after the flag");
    }

    @Test
    void aLayoutWithoutTheChannelsTheCoachNeedsIsRefused() {
        ChannelLayout bare = ChannelLayout.packed(List.of(
                new ChannelDescriptor("SessionTime", ChannelType.DOUBLE, 1, false, "s", "", 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RaceState(bare, List.of(), 1000, 60, 0));
        assertEquals("the telemetry has no Lap channel; the coach needs it", e.getMessage());
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withTrack(TRACK).withLaps(1));
        assertThrows(IllegalArgumentException.class, () -> new RaceState(r.layout(), List.of(), 0, 60, 0));
    }
}
