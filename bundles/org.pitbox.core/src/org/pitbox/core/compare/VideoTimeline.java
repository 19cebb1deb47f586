package org.pitbox.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.telemetry.Recording;

/**
 * Where a recording's laps are on its video's clock. A session's video runs on the session's clock: its time 0 is
 * the first row and the session time goes on from there, so the video is at {@code SessionTime - SessionTime[0]}
 * seconds. Maps a lap and a lap distance to a time in the video and back, and gives the lap and sector markers of
 * the video's timeline. Read-only once made: any thread may use it.
 */
public final class VideoTimeline {
    /** A mark on the video's timeline: a lap's start ({@code sector} 0) or a sector's start inside a lap. */
    public record Marker(double seconds, int lap, int sector) {
        public boolean lapStart() {
            return sector == 0;
        }
    }

    private final double[] seconds;
    private final float[] pct;
    private final List<Lap> laps;
    private final double firstTime;

    private VideoTimeline(double[] seconds, float[] pct, List<Lap> laps, double firstTime) {
        this.seconds = seconds;
        this.pct = pct;
        this.laps = List.copyOf(laps);
        this.firstTime = firstTime;
    }

    /** Reads SessionTime and LapDistPct of every row; {@code laps} as segmented from the same recording. */
    public static VideoTimeline of(Recording recording, List<Lap> laps) {
        int n = recording.recordCount();
        if (n == 0) {
            throw new IllegalArgumentException("the recording has no rows");
        }
        double[] time = recording.column("SessionTime");
        double[] distance = recording.column("LapDistPct");
        double first = time[0];
        double[] seconds = new double[n];
        float[] pct = new float[n];
        for (int i = 0; i < n; i++) {
            // a clock that steps back (a sim reset) keeps the video's time from going back with it
            seconds[i] = Math.max(i == 0 ? 0 : seconds[i - 1], time[i] - first);
            pct[i] = (float) distance[i];
        }
        return new VideoTimeline(seconds, pct, laps, first);
    }

    /** Seconds from the first row to the last. */
    public double duration() {
        return seconds[seconds.length - 1];
    }

    public List<Lap> laps() {
        return laps;
    }

    /** The row shown at {@code videoSeconds}: the last one at or before it. */
    public int rowAt(double videoSeconds) {
        int i = Arrays.binarySearch(seconds, videoSeconds);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.clamp(i, 0, seconds.length - 1);
    }

    /** The video's time at a session time. */
    public double videoSeconds(double sessionTime) {
        return sessionTime - firstTime;
    }

    /** The lap driven at {@code videoSeconds}, or null before the first lap and after the last. */
    public Lap lapAt(double videoSeconds) {
        int row = rowAt(videoSeconds);
        for (Lap lap : laps) {
            if (row >= lap.firstRecord() && row <= lap.lastRecord()) {
                return lap;
            }
        }
        return null;
    }

    /** Lap distance (0..1) at {@code videoSeconds}. */
    public double pctAt(double videoSeconds) {
        return pct[rowAt(videoSeconds)];
    }

    /**
     * When the car was at lap distance {@code at} (0..1) in {@code lap}: the time of the first of the lap's rows at
     * or past it, clamped to the lap's rows.
     */
    public double secondsAt(Lap lap, double at) {
        int last = Math.min(lap.lastRecord(), seconds.length - 1);
        for (int row = Math.max(0, lap.firstRecord()); row <= last; row++) {
            if (pct[row] >= at) {
                return seconds[row];
            }
        }
        return seconds[last];
    }

    /** Each lap's start, then its sectors' starts (from its sector times), in time order. */
    public List<Marker> markers() {
        List<Marker> out = new ArrayList<>();
        for (Lap lap : laps) {
            double start = videoSeconds(lap.startTime());
            out.add(new Marker(start, lap.number(), 0));
            double at = start;
            List<Double> sectors = lap.sectorTimes();
            for (int s = 0; s + 1 < sectors.size(); s++) {
                double t = sectors.get(s);
                if (Double.isNaN(t)) {
                    break;
                }
                at += t;
                out.add(new Marker(at, lap.number(), s + 1));
            }
        }
        out.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        return out;
    }

    /** "1:02.4" for 62.4 seconds. */
    public static String clock(double seconds) {
        long tenths = Math.round(Math.max(0, seconds) * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }
}
