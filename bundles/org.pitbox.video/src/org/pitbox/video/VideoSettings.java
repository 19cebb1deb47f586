package org.pitbox.video;

import java.util.Locale;

/**
 * What the driver streams: picture size, frame rate, the H.264 bitrate cap (0.5 to 4 Mbit/s) and the key frame
 * interval. Video is off until the driver turns it on; {@link #DEFAULT} is what it starts with then.
 */
public record VideoSettings(int width, int height, int fps, int bitrate, int keyframeSeconds) {
    public static final int MIN_BITRATE = 500_000;
    public static final int MAX_BITRATE = 4_000_000;

    /** 1280x720 at 30 frames a second, 2 Mbit/s. */
    public static final VideoSettings P720_30 = new VideoSettings(1280, 720, 30, 2_000_000, 2);
    /** 854x480 at 15 frames a second, 1 Mbit/s. */
    public static final VideoSettings P480_15 = new VideoSettings(854, 480, 15, 1_000_000, 2);
    public static final VideoSettings DEFAULT = P480_15;

    public VideoSettings {
        if (width < 64 || height < 64 || width > 3840 || height > 2160 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("video size " + width + "x" + height
                    + " must be even and between 64x64 and 3840x2160");
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("frame rate " + fps + " must be between 1 and 60 frames a second");
        }
        if (bitrate < MIN_BITRATE || bitrate > MAX_BITRATE) {
            throw new IllegalArgumentException("bitrate cap " + mbits(bitrate) + " is outside " + mbits(MIN_BITRATE)
                    + " to " + mbits(MAX_BITRATE));
        }
        if (keyframeSeconds < 1 || keyframeSeconds > 10) {
            throw new IllegalArgumentException("key frame interval " + keyframeSeconds + " s must be 1 to 10 s");
        }
    }

    public VideoSettings withBitrate(int bitsPerSecond) {
        return new VideoSettings(width, height, fps, bitsPerSecond, keyframeSeconds);
    }

    /** Frames between key frames. */
    public int keyframeInterval() {
        return fps * keyframeSeconds;
    }

    /** The upstream bandwidth the stream needs: the cap plus 5 % for message framing and rate control slack. */
    public int upstreamBitsPerSecond() {
        return bitrate + bitrate / 20;
    }

    /** For example "720p30 at 2.0 Mbit/s, needs 2.1 Mbit/s upstream". */
    public String describe() {
        return height + "p" + fps + " at " + mbits(bitrate) + ", needs " + mbits(upstreamBitsPerSecond()) + " upstream";
    }

    static String mbits(long bitsPerSecond) {
        return String.format(Locale.ROOT, "%.1f Mbit/s", bitsPerSecond / 1e6);
    }
}
