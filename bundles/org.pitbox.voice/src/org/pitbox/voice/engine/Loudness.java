package org.pitbox.voice.engine;

import java.util.Arrays;

/**
 * The power of each 10 ms frame of an utterance, gathered chunk by chunk as it is heard: from it the noise level
 * (the quiet frames: the pre-roll and the pauses) and the signal-to-noise ratio, from the audio itself.
 */
final class Loudness {
    static final int FRAME = Audio.RATE / 100;

    private double[] power = new double[256];
    private int frames;
    private double sum;
    private int inFrame;

    void add(short[] chunk) {
        for (short s : chunk) {
            sum += (double) s * s;
            if (++inFrame == FRAME) {
                if (frames == power.length) {
                    power = Arrays.copyOf(power, frames * 2);
                }
                power[frames++] = sum / FRAME + 1;
                sum = 0;
                inFrame = 0;
            }
        }
    }

    int frames() {
        return frames;
    }

    /** The noise's power: the 10th percentile of the frames. */
    private double noise() {
        return quantile(0.1);
    }

    /** For each frame, whether it is 6 dB or more over the noise. */
    boolean[] loud() {
        double threshold = noise() * 4;
        boolean[] out = new boolean[frames];
        for (int i = 0; i < frames; i++) {
            out[i] = power[i] > threshold;
        }
        return out;
    }

    /** Speech over noise in dB: the 90th percentile of the frames against the noise. */
    double snr() {
        return 10 * Math.log10(quantile(0.9) / noise());
    }

    private double quantile(double q) {
        if (frames == 0) {
            return 1;
        }
        double[] sorted = Arrays.copyOf(power, frames);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(frames - 1, Math.floor(q * frames))];
    }
}
