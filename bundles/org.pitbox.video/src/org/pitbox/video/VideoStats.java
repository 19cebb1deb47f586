package org.pitbox.video;

import java.util.Locale;

/**
 * The pipeline's counts and costs. Capture time is the capture thread's CPU time per picture (its wall time is mostly
 * waiting for the device's next frame); encode time is wall time per picture; CPU shares are of one core.
 */
public record VideoStats(String encoder, int bitrateCap, boolean paused, long captured, long encoded, long dropped,
        double captureP50Millis, double captureP99Millis, double encodeP50Millis, double encodeP99Millis,
        double captureCpuShare, double encoderCpuShare, long bitsPerSecond, String error) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s%s: %d captured, %d encoded, %d dropped; capture %.1f/%.1f ms, "
                + "encode %.1f/%.1f ms (p50/p99); CPU capture %.0f %%, encoder %.0f %%; %.2f of %.2f Mbit/s%s",
                encoder, paused ? " (paused)" : "", captured, encoded, dropped, captureP50Millis, captureP99Millis,
                encodeP50Millis, encodeP99Millis, 100 * captureCpuShare, 100 * encoderCpuShare, bitsPerSecond / 1e6,
                bitrateCap / 1e6, error == null ? "" : "; stopped: " + error);
    }
}
