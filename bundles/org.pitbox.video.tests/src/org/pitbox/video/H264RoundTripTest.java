package org.pitbox.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class H264RoundTripTest {

    @Test
    void roundTrip720p30At2MbitsKeepsQualityRateAndOrder() {
        Run run = roundTrip(VideoSettings.P720_30, 300);
        assertTrue(run.psnr >= 35, "PSNR-Y " + run.psnr);
        assertTrue(Math.abs(run.bitrateError) <= 0.10, "bitrate error " + run.bitrateError);
    }

    @Test
    void roundTrip480p15At1Mbits() {
        Run run = roundTrip(VideoSettings.P480_15, 150);
        assertTrue(run.psnr >= 30, "PSNR-Y " + run.psnr);
        assertTrue(Math.abs(run.bitrateError) <= 0.10, "bitrate error " + run.bitrateError);
    }

    private record Run(double psnr, double bitrateError) {
    }

    private static Run roundTrip(VideoSettings settings, int frames) {
        long[] encodeNanos = new long[frames];
        long bits = 0;
        double psnr = 0;
        int decoded = 0;
        List<Integer> counters = new ArrayList<>();
        try (H264Encoder encoder = new H264Encoder(settings); H264Decoder decoder = new H264Decoder()) {
            for (int n = 0; n < frames; n++) {
                VideoPicture picture = TestScene.picture(n, settings.width(), settings.height(),
                        n * 1_000_000L / settings.fps());
                long t0 = System.nanoTime();
                List<EncodedVideo> units = encoder.encode(picture);
                encodeNanos[n] = System.nanoTime() - t0;
                assertEquals(1, units.size(), "one access unit per picture");
                EncodedVideo unit = units.get(0);
                assertEquals(picture.micros(), unit.micros());
                assertEquals(n % settings.keyframeInterval() == 0, unit.key(), "key frame at " + n);
                bits += unit.bits();
                VideoPicture out = decoder.decode(unit);
                assertNotNull(out, "picture " + n + " decoded at once");
                assertEquals(picture.micros(), out.micros());
                psnr += TestScene.psnrY(picture, out);
                decoded++;
                counters.add(TestScene.counter(out));
            }
            double seconds = frames / (double) settings.fps();
            double bitrateError = bits / seconds / settings.bitrate() - 1;
            double meanPsnr = psnr / decoded;
            long[] sorted = Arrays.copyOfRange(encodeNanos, 10, frames);
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s %s: encode p50 %.1f ms p99 %.1f ms per frame, PSNR-Y %.1f dB, "
                    + "%.3f Mbit/s (error %+.1f %%)%n", encoder.name(), settings.describe(),
                    sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6, meanPsnr,
                    bits / seconds / 1e6, 100 * bitrateError);
            for (int n = 0; n < frames; n++) {
                assertEquals(n, counters.get(n), "counter of picture " + n);
            }
            return new Run(meanPsnr, bitrateError);
        }
    }

    @Test
    void keyFrameOnRequest() {
        VideoSettings settings = VideoSettings.P480_15;
        try (H264Encoder encoder = new H264Encoder(settings)) {
            for (int n = 0; n < 12; n++) {
                if (n == 7) {
                    encoder.requestKeyframe();
                }
                EncodedVideo unit = encoder.encode(TestScene.picture(n, 854, 480, n * 66_666L)).get(0);
                assertEquals(n == 0 || n == 7, unit.key(), "key frame at " + n);
                assertEquals(unit.key(), H264Decoder.containsIdr(unit.annexB()));
            }
        }
    }

    @Test
    void decoderJoiningLateWaitsForTheNextKeyFrame() {
        VideoSettings settings = VideoSettings.P480_15;
        try (H264Encoder encoder = new H264Encoder(settings); H264Decoder late = new H264Decoder()) {
            int interval = settings.keyframeInterval();
            for (int n = 0; n < interval + 5; n++) {
                EncodedVideo unit = encoder.encode(TestScene.picture(n, 854, 480, n * 66_666L)).get(0);
                if (n < 5) {
                    continue; // sent before the decoder joined
                }
                VideoPicture out = late.decode(unit);
                if (n < interval) {
                    assertNull(out, "nothing before the key frame, picture " + n);
                    assertTrue(late.waitingForKeyframe());
                    assertTrue(late.status().startsWith("waiting for a key frame"), late.status());
                } else {
                    assertNotNull(out, "picture " + n);
                    assertEquals(n, TestScene.counter(out));
                    assertFalse(late.waitingForKeyframe());
                }
            }
            assertEquals(interval - 5, late.skipped());
            System.out.println("late decoder: " + late.status());
        }
    }

    @Test
    void lowerBitrateAtRunTimeStartsWithAKeyFrameAndSpendsLess() {
        VideoSettings settings = VideoSettings.P480_15.withBitrate(4_000_000);
        try (H264Encoder encoder = new H264Encoder(settings); H264Decoder decoder = new H264Decoder()) {
            long before = 0;
            long after = 0;
            for (int n = 0; n < 60; n++) {
                if (n == 30) {
                    encoder.setBitrate(500_000);
                }
                EncodedVideo unit = encoder.encode(TestScene.picture(n, 854, 480, n * 66_666L)).get(0);
                if (n == 30) {
                    assertTrue(unit.key(), "key frame after the bitrate change");
                }
                if (n > 0 && n < 30) {
                    before += unit.bits();
                } else if (n > 30) {
                    after += unit.bits();
                }
                assertEquals(n, TestScene.counter(decoder.decode(unit)), "picture " + n);
            }
            assertEquals(500_000, encoder.settings().bitrate());
            assertTrue(after < before / 2, "bits before " + before + ", after " + after);
        }
    }
}
