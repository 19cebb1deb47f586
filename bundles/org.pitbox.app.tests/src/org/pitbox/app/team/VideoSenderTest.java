package org.pitbox.app.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.video.FrameSource;
import org.pitbox.video.H264Encoder;
import org.pitbox.video.VideoPicture;
import org.pitbox.video.VideoPipeline;
import org.pitbox.video.VideoSettings;

/**
 * When the link refuses pictures, video steps its bitrate down to the minimum, then halves its rate, then pauses,
 * and comes back the same way: telemetry keeps priority. The driver's line says which.
 */
class VideoSenderTest {
    private static final long SECOND = 1_000_000_000L;

    /** A source that gives no picture until closed: the test drives the sender's answers itself. */
    private static final class Idle implements FrameSource {
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public VideoPicture grab() {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    private static final VideoSender.Target NOWHERE = new VideoSender.Target() {
        @Override
        public long sessionMicros(long nanoTime) {
            return 0;
        }

        @Override
        public LivePublisher.VideoResult publishVideo(long micros, boolean key, byte[] accessUnit) {
            return LivePublisher.VideoResult.LINK_BUSY;
        }
    };

    @Test
    void refusalsStepTheBitrateThenTheRateDownThenPauseAndAQuietLinkBringsThemBack() {
        VideoSettings settings = VideoSettings.P480_15.withBitrate(2_000_000);
        try (VideoSender sender = new VideoSender(settings, NOWHERE,
                sink -> new VideoPipeline(new Idle(), new H264Encoder(settings), sink))) {
            long t = System.nanoTime();
            assertTrue(sender.status().startsWith("Video 480p15 at 2.0 Mbit/s ("), sender.status());
            assertNull(sender.linkNote(), "nothing on the link line while video goes out as set");
            sender.linkAnswered(false, t);
            assertEquals(1_333_333, sender.bitrate(), "a third down");
            sender.linkAnswered(false, t + SECOND / 2);
            assertEquals(1_333_333, sender.bitrate(), "at most one step a second");
            for (int s = 2; s <= 6; s += 2) {
                sender.linkAnswered(false, t + s * SECOND);
            }
            assertEquals(VideoSettings.MIN_BITRATE, sender.bitrate(), "2.0, 1.3, 0.9, 0.6, then 0.5 Mbit/s");
            assertEquals("Video lowered to 0.5 Mbit/s: the link is short", sender.status());
            assertEquals("video 0.5 Mbit/s", sender.linkNote(), "the overlay's link line says it too");
            sender.linkAnswered(false, t + 8 * SECOND);
            assertEquals("video 0.5 Mbit/s 7 fps", sender.linkNote());
            assertEquals("Video lowered to 0.5 Mbit/s at 7 pictures a second: the link is short", sender.status(),
                    "then half the pictures");
            long pause = t + 10 * SECOND;
            sender.linkAnswered(false, pause);
            assertTrue(sender.paused(), "refused at the minimum: paused");
            assertEquals("Video paused: the link is short, telemetry first", sender.status());
            assertEquals("video paused", sender.linkNote());
            sender.tick(pause + SECOND);
            assertTrue(sender.paused(), "for a while");
            sender.tick(pause + VideoSender.PAUSE_NANOS);
            assertFalse(sender.paused(), "then it tries again");
            sender.linkAnswered(true, pause + VideoSender.PAUSE_NANOS + SECOND);
            assertTrue(sender.status().contains("7 pictures a second"), "not at once: " + sender.status());
            sender.linkAnswered(true, pause + VideoSender.PAUSE_NANOS + VideoSender.STEP_UP_NANOS + 1);
            assertEquals("Video lowered to 0.5 Mbit/s: the link is short", sender.status(), "every picture first");
            sender.linkAnswered(true, pause + VideoSender.PAUSE_NANOS + 2 * VideoSender.STEP_UP_NANOS + 2);
            assertEquals(750_000, sender.bitrate(), "then half again in bits after another quiet while");
            long later = pause + VideoSender.PAUSE_NANOS + 10 * VideoSender.STEP_UP_NANOS;
            for (int i = 0; i < 5; i++) {
                sender.linkAnswered(true, later + i * (VideoSender.STEP_UP_NANOS + 1));
            }
            assertEquals(2_000_000, sender.bitrate(), "back to the driver's cap, never over it");
            assertTrue(sender.status().startsWith("Video 480p15 at 2.0 Mbit/s ("), sender.status());
            assertNull(sender.linkNote(), "nothing on the link line while video goes out as set");
        }
    }
}
