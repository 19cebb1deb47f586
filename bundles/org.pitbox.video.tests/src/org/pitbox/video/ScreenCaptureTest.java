package org.pitbox.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Captures a window showing the moving test scene on the X display (Xvfb in the build). */
class ScreenCaptureTest {
    private static final int X = 100;
    private static final int Y = 80;

    @Test
    void capturesTheMovingSceneInOrderAndItSurvivesEncoding() throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs an X display");
        VideoSettings settings = new VideoSettings(640, 360, 15, 1_000_000, 2);
        List<Integer> counters = new ArrayList<>();
        try (SceneWindow window = new SceneWindow(X, Y, 640, 360);
                ScreenCapture capture = ScreenCapture.region(null, X, Y, 640, 360, settings);
                H264Encoder encoder = new H264Encoder(settings);
                H264Decoder decoder = new H264Decoder()) {
            VideoPipelineTest.sleep(300);
            for (int i = 0; i < 10; i++) {
                capture.grab(); // the device catches up on the time since it opened
            }
            long t0 = System.nanoTime();
            int frames = 30;
            for (int i = 0; i < frames; i++) {
                VideoPicture picture = capture.grab();
                assertEquals(640, picture.width());
                VideoPicture decoded = decoder.decode(encoder.encode(picture).get(0));
                assertNotNull(decoded);
                assertEquals(TestScene.counter(picture), TestScene.counter(decoded), "counter through H.264");
                counters.add(TestScene.counter(picture));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d pictures in %.2f s (%.1f a second at %d asked), counters %s%n",
                    capture, frames, seconds, frames / seconds, settings.fps(), counters);
        }
        for (int i = 1; i < counters.size(); i++) {
            assertTrue(counters.get(i) >= counters.get(i - 1), "counters in order: " + counters);
        }
        assertTrue(counters.stream().distinct().count() >= counters.size() / 2, "the pictures move: " + counters);
    }

    /** Screen at 720p30 through the pipeline, decoded in its sink; prints costs and show-to-decoded latency. */
    @Test
    void pipelineFromTheScreenAt720p30() throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs an X display");
        VideoSettings settings = VideoSettings.P720_30;
        List<Integer> counters = new CopyOnWriteArrayList<>();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        VideoStats stats;
        try (SceneWindow window = new SceneWindow(0, 0, 1280, 720);
                H264Decoder decoder = new H264Decoder()) {
            VideoPipelineTest.sleep(300);
            try (VideoPipeline pipeline = new VideoPipeline(ScreenCapture.region(null, 0, 0, 1280, 720, settings),
                    new H264Encoder(settings), unit -> {
                        VideoPicture picture = decoder.decode(unit);
                        int counter = TestScene.counter(picture);
                        counters.add(counter);
                        latencies.add(System.nanoTime() - window.shownAt(counter));
                    })) {
                VideoPipelineTest.sleep(5000);
                stats = pipeline.stats();
            }
        }
        long[] sorted = latencies.stream().skip(30).mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "screen 720p30: %s; shown to decoded p50 %.0f ms, p99 %.0f ms%n", stats,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6);
        assertNull(stats.error());
        assertTrue(stats.encoded() > 30, stats.toString());
        for (int i = 1; i < counters.size(); i++) {
            assertTrue(counters.get(i) >= counters.get(i - 1), "counters in order: " + counters);
        }
        assertTrue(Arrays.stream(sorted).allMatch(l -> l > 0), "a picture decoded before it was shown");
    }

    @Test
    void noDisplayIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ScreenCapture.region(":97", 0, 0, 640, 360, VideoSettings.P480_15));
        assertTrue(e.getMessage().startsWith("cannot capture x11grab :97+0,0"), e.getMessage());
    }
}
