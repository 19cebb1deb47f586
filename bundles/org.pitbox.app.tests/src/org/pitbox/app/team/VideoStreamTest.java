package org.pitbox.app.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.app.team.DemoServerProcess.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.client.CloudClient;
import org.pitbox.client.SessionCache;
import org.pitbox.client.TransferProgress;
import org.pitbox.core.compare.VideoTimeline;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.video.VideoFile;
import org.pitbox.video.VideoPicture;
import org.pitbox.video.VideoSettings;

/**
 * The driver's video through a real server (the demo server's jar) to the engineer: pictures of a scene with a
 * counter are encoded, streamed with the simulator's telemetry, decoded for the engineer in order, on the session's
 * clock, and stored with the session as its video.
 */
class VideoStreamTest {
    @RegisterExtension
    static final DemoServerExtension SERVER = new DemoServerExtension("video-stream");
    private static final VideoSettings SMALL = new VideoSettings(320, 180, 15, 500_000, 1);
    /** The case for the latency figure: 720p at 30 pictures a second, 2 Mbit/s. */
    private static final VideoSettings HD = VideoSettings.P720_30;

    @TempDir
    Path dir;

    @Test
    void theDriversVideoReachesTheEngineerInOrderAndIsStoredWithTheSession() throws Exception {
        LiveBoard board = new LiveBoard();
        DriverAndEngineer team = new DriverAndEngineer(board);
        TeamSession driver = team.driver, engineerSide = team.engineerSide;
        EngineerLive engineer = team.engineer;
        List<VideoPicture> seen = new CopyOnWriteArrayList<>();
        List<Long> decodedAt = new CopyOnWriteArrayList<>();
        team.onVideo(picture -> {
            decodedAt.add(System.nanoTime());
            seen.add(picture);
        });
        try (team) {
            team.signInDriver(SERVER.base());
            IOException notLive = assertThrows(IOException.class,
                    () -> driver.startVideo(SMALL, () -> new CounterScene(320, 180, 15)));
            assertEquals("Start streaming to the team first: video goes with the live session", notLive.getMessage());
            assertEquals("Video off", driver.videoStatus());

            team.goLive(SERVER.base());

            CounterScene scene = new CounterScene(HD.width(), HD.height(), HD.fps());
            driver.startVideo(HD, () -> scene);
            assertTrue(driver.videoStatus().startsWith("Video 720p30 at 2.0 Mbit/s ("), driver.videoStatus());
            await(() -> seen.size() >= 90, 60, "90 pictures reach the engineer: " + engineer.videoStatus());
            int last = -1;
            long lastMicros = -1;
            for (VideoPicture p : seen) {
                int n = CounterScene.counter(p);
                assertTrue(n > last, "pictures in order: " + n + " after " + last);
                assertTrue(p.micros() > lastMicros, "times go up");
                last = n;
                lastMicros = p.micros();
            }
            assertEquals(1280, seen.get(0).width());
            long[] latency = new long[seen.size()];
            for (int i = 0; i < latency.length; i++) {
                latency[i] = decodedAt.get(i) - scene.madeAt[CounterScene.counter(seen.get(i))];
            }
            java.util.Arrays.sort(latency);
            System.out.printf("video 720p30 at 2 Mbit/s, made -> encoded -> relayed -> decoded, %d pictures:"
                    + " p50 %.0f ms, p99 %.0f ms%n", latency.length, latency[latency.length / 2] / 1e6,
                    latency[latency.length * 99 / 100] / 1e6);
            long rowMicros = (board.rows() - 1) * 1_000_000L / 60;
            long behind = rowMicros - seen.get(seen.size() - 1).micros();
            System.out.println("video: " + seen.size() + " pictures, the last " + behind / 1000
                    + " ms behind the newest row; engineer: " + engineer.videoStatus() + "; driver: "
                    + driver.videoStatus());
            assertTrue(Math.abs(behind) < 5_000_000, "the pictures are on the session's clock: " + behind + " µs");
            assertTrue(engineer.videoStatus().startsWith("Video 1280x720"), engineer.videoStatus());

            driver.stopStreaming();
            assertEquals("Video off", driver.videoStatus(), "the video stops with the live session");
            CloudClient client = engineerSide.client();
            await(() -> stored(client, engineerSide.team().id()) != null, 60, "the session is stored");
            SessionView stored = stored(client, engineerSide.team().id());
            assertTrue(stored.videoBytes() != null && stored.videoBytes() > 10_000, "with its video: " + stored);
            playsBackInSyncWithTheTelemetry(client, stored, seen);
        }
        assertFalse(driver.streaming());
    }

    /** Whether a live picture within a millisecond of picture {@code i} carries {@code counter}. */
    private static boolean sentNear(List<VideoPicture> live, int i, int counter) {
        for (int j = Math.max(0, i - 3); j < Math.min(live.size(), i + 4); j++) {
            if (CounterScene.counter(live.get(j)) == counter
                    && Math.abs(live.get(j).micros() - live.get(i).micros()) <= 1000) {
                return true;
            }
        }
        return false;
    }

    /**
     * The stored session downloaded as the engineer's library does: the video beside the .ibt shows, at each live
     * picture's time on the session's clock, that same picture or one taken within a millisecond of it (so it is as
     * in sync with the rows as it was live), and it lies within the rows' time.
     */
    private void playsBackInSyncWithTheTelemetry(CloudClient client, SessionView stored, List<VideoPicture> live)
            throws IOException {
        SessionCache.Entry entry = new SessionCache(dir).download(client, stored, TransferProgress.NONE, () -> false);
        Path mp4 = SessionCache.video(entry.file());
        assertEquals(stored.videoBytes().longValue(), Files.size(mp4), "the whole video is cached beside the .ibt");
        VideoTimeline timeline;
        try (IbtFile ibt = IbtFile.open(entry.file())) {
            timeline = VideoTimeline.of(ibt, IbtSummary.of(ibt).laps());
        }
        try (VideoFile video = VideoFile.open(mp4)) {
            assertTrue(video.durationMicros() <= timeline.duration() * 1e6 + 1_000_000, "the video " + video
                    .durationMicros() + " µs lies within the rows' " + timeline.duration() + " s");
            for (int i = live.size() - 1; i >= 0; i -= 7) { // back to front: every seek goes back
                VideoPicture shown = live.get(i);
                VideoPicture played = video.at(shown.micros());
                assertTrue(sentNear(live, i, CounterScene.counter(played)), "at " + shown.micros() + " µs playback"
                        + " shows the picture sent for that time, or one taken within a millisecond of it (as a"
                        + " capture that caught up does): sent " + CounterScene.counter(shown) + ", played "
                        + CounterScene.counter(played));
                assertEquals(shown.micros(), played.micros(), 1000, "on the same clock");
            }
        }
    }

    /** The team's complete session with a video (the demo has no other), or null. */
    private static SessionView stored(CloudClient c, long team) {
        try {
            return c.sessions(team, CloudClient.SessionQuery.FIRST).items().stream()
                    .filter(s -> SessionView.COMPLETE.equals(s.status()) && s.videoBytes() != null).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
