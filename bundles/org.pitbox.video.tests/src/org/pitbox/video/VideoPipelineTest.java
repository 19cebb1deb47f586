package org.pitbox.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class VideoPipelineTest {

    @Test
    void slowSinkMakesThePipelineDropVideoAndSayIt() throws Exception {
        VideoSettings settings = VideoSettings.P480_15;
        List<EncodedVideo> units = new CopyOnWriteArrayList<>();
        try (VideoPipeline pipeline = new VideoPipeline(new SceneSource(854, 480, 30), new H264Encoder(settings),
                unit -> {
                    units.add(unit);
                    sleep(250);
                })) {
            waitFor(() -> pipeline.stats().dropped() >= 10);
            VideoStats stats = pipeline.stats();
            System.out.println("slow sink: " + stats);
            assertNull(stats.error());
            assertTrue(stats.dropped() >= 10, stats.toString());
            long waiting = stats.captured() - stats.encoded() - stats.dropped();
            assertTrue(waiting >= 0 && waiting <= VideoPipeline.QUEUE + 1, stats.toString());
        }
        for (int i = 1; i < units.size(); i++) {
            assertTrue(units.get(i).micros() > units.get(i - 1).micros(), "in order");
        }
    }

    @Test
    void streamsInOrderLowersItsBitrateAndPauses() throws Exception {
        VideoSettings settings = VideoSettings.P480_15;
        List<Integer> counters = new CopyOnWriteArrayList<>();
        List<EncodedVideo> units = new CopyOnWriteArrayList<>();
        H264Decoder decoder = new H264Decoder();
        try (VideoPipeline pipeline = new VideoPipeline(new SceneSource(854, 480, 15), new H264Encoder(settings),
                unit -> {
                    units.add(unit);
                    counters.add(TestScene.counter(decoder.decode(unit)));
                })) {
            waitFor(() -> units.size() >= 20);
            assertThrows(IllegalArgumentException.class, () -> pipeline.setBitrate(5_000_000));
            int before = units.size();
            pipeline.setBitrate(500_000);
            waitFor(() -> units.size() >= before + 5);
            assertTrue(units.stream().skip(before).limit(3).anyMatch(EncodedVideo::key), "key frame at the new rate");
            assertEquals(500_000, pipeline.stats().bitrateCap());

            pipeline.setPictureStep(3);
            int stepped = units.size();
            waitFor(() -> units.size() >= stepped + 4);
            int next = counters.get(counters.size() - 1);
            waitFor(() -> counters.size() >= stepped + 6);
            assertEquals(3, counters.get(counters.size() - 1) - counters.get(counters.size() - 2),
                    "one picture of three: " + counters.subList(stepped, counters.size()) + " after " + next);
            assertThrows(IllegalArgumentException.class, () -> pipeline.setPictureStep(0));
            pipeline.setPictureStep(1);

            pipeline.pause();
            sleep(300);
            long captured = pipeline.stats().captured();
            int sent = units.size();
            sleep(500);
            assertEquals(captured, pipeline.stats().captured(), "nothing captured while paused");
            assertTrue(pipeline.stats().paused());
            pipeline.resume();
            waitFor(() -> units.size() >= sent + 3);
            assertTrue(units.get(sent).key(), "a key frame after resuming");
            System.out.println("pipeline: " + pipeline.stats());
            assertNull(pipeline.error());
        } finally {
            decoder.close();
        }
        for (int i = 1; i < counters.size(); i++) {
            assertTrue(counters.get(i) > counters.get(i - 1), "counters in order: " + counters);
        }
    }

    @Test
    void aFailingSourceStopsThePipelineAndSaysWhy() throws Exception {
        FrameSource failing = new FrameSource() {
            private final SceneSource scene = new SceneSource(854, 480, 30);
            private int n;

            @Override
            public VideoPicture grab() throws java.io.IOException {
                if (n++ == 5) {
                    throw new java.io.IOException("x11grab :0 stopped: the display went away");
                }
                return scene.grab();
            }

            @Override
            public void close() {
            }
        };
        try (VideoPipeline pipeline = new VideoPipeline(failing, new H264Encoder(VideoSettings.P480_15), unit -> {
        })) {
            waitFor(() -> pipeline.error() != null);
            assertEquals("x11grab :0 stopped: the display went away", pipeline.error());
            assertTrue(pipeline.stats().toString().endsWith("stopped: x11grab :0 stopped: the display went away"),
                    pipeline.stats().toString());
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "condition not met in 20 s");
            Thread.sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
