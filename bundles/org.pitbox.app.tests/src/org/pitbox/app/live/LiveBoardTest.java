package org.pitbox.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.pitbox.client.live.LiveSession;
import org.pitbox.client.live.RowProjection;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;

/** The engineer's board fed row by row as the subscriber does: it tells of each completed lap once. */
class LiveBoardTest {
    private static final int LAPS = 4;

    @Test
    void tellsOfTheSessionEachLapAndTheClear() {
        SimulatedRecording race = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(LAPS).withSeed(3));
        List<LiveBoard.Change> heard = new CopyOnWriteArrayList<>();
        LiveBoard board = new LiveBoard();
        board.addListener(heard::add);
        assertFalse(board.active());

        board.session(new LiveSession("board-test", RowProjection.schemaOf(race.layout()), race.sessionInfoYaml(), 7,
                "Ann", 60));
        assertTrue(board.active());
        byte[] row = new byte[race.layout().rowLength()];
        for (int i = 0; i < race.recordCount(); i++) {
            race.rows().get(race.rowStart(i), row);
            board.row(i, row);
        }
        board.row(race.recordCount(), new byte[3]); // a row of another layout is left out

        List<Lap> expected = new LapSegmenter().segment(race);
        List<Integer> laps = new ArrayList<>();
        board.read(m -> m.laps().laps().forEach(l -> laps.add(l.number())));
        assertTrue(laps.size() >= LAPS - 1 && laps.size() <= expected.size(), "laps: " + laps);
        assertEquals(expected.subList(0, laps.size()).stream().map(Lap::number).toList(), laps,
                "the board's laps are the segmenter's");
        long lapEvents = heard.stream().filter(c -> c == LiveBoard.Change.LAP).count();
        assertEquals(laps.size(), lapEvents, "one LAP per completed lap");
        assertEquals(LiveBoard.Change.SESSION, heard.get(0));
        assertEquals(race.recordCount(), board.rows());

        board.clear();
        assertFalse(board.active());
        assertEquals(LiveBoard.Change.CLEAR, heard.get(heard.size() - 1));
        boolean[] read = {false};
        board.read(m -> read[0] = true);
        assertFalse(read[0], "nothing to read once cleared");
    }

    /** Frames a relay stall dropped: 1.5 s missing mid-lap is a gap in the data, not a new lap. */
    @Test
    void aStallOfOneAndAHalfSecondsMidLapIsAGapNotANewLap() {
        SimulatedRecording race = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(LAPS).withSeed(3));
        List<Lap> expected = new LapSegmenter().segment(race);
        Lap stalled = expected.get(2);
        int from = (stalled.firstRecord() + stalled.lastRecord()) / 2;
        int to = from + race.tickRate() * 3 / 2; // rows [from, to) never arrive
        LiveBoard board = new LiveBoard();
        board.session(new LiveSession("stall-test", RowProjection.schemaOf(race.layout()), race.sessionInfoYaml(), 7,
                "Ann", race.tickRate()));
        byte[] row = new byte[race.layout().rowLength()];
        for (int i = 0; i < race.recordCount(); i++) {
            if (i >= from && i < to) {
                continue;
            }
            race.rows().get(race.rowStart(i), row);
            board.row(i, row);
            if (i == stalled.lastRecord()) {
                board.read(m -> {
                    float[] lap = m.traces().current(m.traces().channels().get(0));
                    int missing = 0;
                    for (int bin = 0; bin < m.traces().bins() * 95 / 100; bin++) {
                        missing += Float.isNaN(lap[bin]) ? 1 : 0;
                    }
                    assertEquals(0, missing, "the lap's trace runs from the line across the gap");
                });
            }
        }
        List<Lap> laps = new ArrayList<>();
        board.read(m -> laps.addAll(m.laps().laps()));
        assertEquals(expected.subList(0, laps.size()).stream().map(Lap::number).toList(),
                laps.stream().map(Lap::number).toList(), "no lap more or less than without the stall");
        Lap live = laps.get(2);
        assertEquals(stalled.number(), live.number());
        assertEquals(stalled.flags(), live.flags(), "the lap with the gap is as complete as without it");
        assertEquals(stalled.lapTime(), live.lapTime(), 1e-6);
    }
}
