package org.pitbox.voice.eval;

import java.util.Random;

import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.engine.NoiseMix;

/**
 * Cockpit-like noise made in Java, and mixing it into speech at a signal-to-noise ratio measured over the
 * speech's active part (as the notes' measurements did): pink noise, and engine-like noise (a sawtooth whose
 * pitch sweeps 200-460 Hz as revs rise and fall, with its harmonics, a tremolo and pink noise under it).
 */
public enum Noise {
    PINK, ENGINE;

    /** {@code n} samples at 16 kHz, the same for the same seed. */
    public double[] make(int n, long seed) {
        return this == PINK ? pink(n, new Random(seed)) : engine(n, new Random(seed));
    }

    private static double[] pink(int n, Random random) {
        return NoiseMix.pink(n, random);
    }

    private static double[] engine(int n, Random random) {
        double[] pink = pink(n, random);
        double[] out = new double[n];
        double phase = 0;
        double sweep = random.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < n; i++) {
            double t = (double) i / Audio.RATE;
            double hz = 330 + 130 * Math.sin(2 * Math.PI * 0.4 * t + sweep);
            phase += hz / Audio.RATE;
            double saw = 2 * (phase - Math.floor(phase)) - 1;
            double second = Math.sin(2 * Math.PI * 2 * phase) * 0.5;
            double tremolo = 1 + 0.3 * Math.sin(2 * Math.PI * 23 * t);
            out[i] = (saw + second) * tremolo + 0.3 * pink[i];
        }
        return out;
    }

    /** {@code speech} with {@code noise} added so that active speech over noise is {@code snrDb}. */
    public static short[] mix(short[] speech, double[] noise, double snrDb) {
        return NoiseMix.mix(speech, noise, snrDb);
    }

    static double activePower(short[] s) {
        return NoiseMix.activePower(s);
    }

    /** {@code seconds} of silence before and after: the push-to-talk key is pressed before speaking and released after. */
    public static short[] pad(short[] speech, double seconds) {
        int pad = (int) (seconds * Audio.RATE);
        short[] out = new short[speech.length + 2 * pad];
        System.arraycopy(speech, 0, out, pad, speech.length);
        return out;
    }
}
