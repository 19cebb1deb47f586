package org.pitbox.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;

class VideoTimelineTest {
    private static final SimulatedRecording RUN = SimulatedRecording.run(
            SimOptions.defaults().withTrack(Tracks.RED_BULL_RING).withLaps(3).withSeed(3));
    private static final List<Lap> LAPS = new LapSegmenter(List.of(0.0, 0.4, 0.7)).segment(RUN);
    private static final VideoTimeline TIMELINE = VideoTimeline.of(RUN, LAPS);

    @Test
    void theVideosTimeIsTheSessionTimeFromTheFirstRow() {
        double[] time = RUN.column("SessionTime");
        assertEquals(0, TIMELINE.rowAt(0));
        assertEquals(time[time.length - 1] - time[0], TIMELINE.duration(), 1e-9);
        int row = time.length / 2;
        double at = time[row] - time[0];
        assertEquals(row, TIMELINE.rowAt(at));
        assertEquals(row, TIMELINE.rowAt(at + 0.5 / RUN.tickRate()), "between rows: the last one shown");
        assertEquals(at, TIMELINE.videoSeconds(time[row]), 1e-9);
        assertEquals(0, TIMELINE.rowAt(-5), "before the video: the first row");
        assertEquals(time.length - 1, TIMELINE.rowAt(1e9), "after it: the last");
    }

    @Test
    void aLapAndDistanceMapToTheVideoAndBack() {
        Lap lap = LAPS.get(1);
        double start = TIMELINE.videoSeconds(lap.startTime());
        double halfway = TIMELINE.secondsAt(lap, 0.5);
        assertTrue(halfway > start && halfway < TIMELINE.videoSeconds(lap.endTime()), halfway + " inside the lap");
        assertSame(lap, TIMELINE.lapAt(halfway));
        assertEquals(0.5, TIMELINE.pctAt(halfway), 0.01, "the car is halfway round at that time");
        assertTrue(TIMELINE.secondsAt(lap, 0.75) > halfway, "further round is later");
        assertEquals(TIMELINE.secondsAt(lap, 0), TIMELINE.videoSeconds(lap.startTime()), 2.0 / RUN.tickRate(),
                "the line is the lap's start");
    }

    @Test
    void markersGiveEveryLapAndItsSectorsInTimeOrder() {
        List<VideoTimeline.Marker> markers = TIMELINE.markers();
        assertEquals(LAPS.size(), markers.stream().filter(VideoTimeline.Marker::lapStart).count());
        for (int i = 1; i < markers.size(); i++) {
            assertTrue(markers.get(i).seconds() >= markers.get(i - 1).seconds(), "in time order");
        }
        Lap whole = LAPS.stream().filter(Lap::isClean).findFirst().orElseThrow();
        List<VideoTimeline.Marker> sectors = markers.stream().filter(m -> m.lap() == whole.number()).toList();
        assertEquals(3, sectors.size(), "the lap's start and two sector starts: " + sectors);
        Lap lap = TIMELINE.lapAt(sectors.get(1).seconds() + 0.1);
        assertEquals(whole.number(), lap.number());
        assertEquals(0.4, TIMELINE.pctAt(sectors.get(1).seconds() + 0.02), 0.01, "sector 2 starts at 40 %");
    }

    @Test
    void clockReadsMinutesSecondsAndTenths() {
        assertEquals("1:02.4", VideoTimeline.clock(62.4));
        assertEquals("0:00.0", VideoTimeline.clock(-3));
        assertEquals("61:00.0", VideoTimeline.clock(3660));
    }
}
