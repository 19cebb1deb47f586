package org.pitbox.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VideoSettingsTest {
    @Test
    void presetsAndDefault() {
        assertEquals(new VideoSettings(1280, 720, 30, 2_000_000, 2), VideoSettings.P720_30);
        assertEquals(VideoSettings.P480_15, VideoSettings.DEFAULT);
        assertEquals(1_000_000, VideoSettings.DEFAULT.bitrate());
        assertEquals(60, VideoSettings.P720_30.keyframeInterval());
        assertEquals(2_100_000, VideoSettings.P720_30.upstreamBitsPerSecond());
        assertEquals("720p30 at 2.0 Mbit/s, needs 2.1 Mbit/s upstream", VideoSettings.P720_30.describe());
    }

    @Test
    void badSettingsAreRejectedWithAClearMessage() {
        assertEquals("bitrate cap 5.0 Mbit/s is outside 0.5 Mbit/s to 4.0 Mbit/s", assertThrows(
                IllegalArgumentException.class, () -> VideoSettings.P720_30.withBitrate(5_000_000)).getMessage());
        assertEquals("bitrate cap 0.3 Mbit/s is outside 0.5 Mbit/s to 4.0 Mbit/s", assertThrows(
                IllegalArgumentException.class, () -> VideoSettings.P720_30.withBitrate(300_000)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VideoSettings(1281, 720, 30, 2_000_000, 2))
                .getMessage().contains("1281x720"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VideoSettings(1280, 720, 0, 2_000_000, 2))
                .getMessage().contains("frame rate 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VideoSettings(1280, 720, 30, 2_000_000, 0))
                .getMessage().contains("key frame interval"));
    }

    @Test
    void noEncoderIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new H264Encoder(VideoSettings.DEFAULT, java.util.List.of("libx264", "h264_nvenc")));
        assertTrue(e.getMessage().startsWith("no H.264 encoder opened (libx264: not in this FFmpeg; h264_nvenc: "),
                e.getMessage());
    }
}
