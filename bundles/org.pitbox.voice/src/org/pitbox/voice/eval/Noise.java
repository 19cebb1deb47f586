package org.pitbox.voice.eval;

import java.util.Random;

import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.engine.NoiseMix;

/**
 * Cockpit-like noise made in Java ({@link NoiseMix}), and mixing it into speech at a signal-to-noise ratio measured
 * over the speech's active part (as the notes' measurements did): pink noise, and engine-like noise (a sawtooth
 * whose pitch sweeps 200-460 Hz as revs rise and fall, with its harmonics, a tremolo and pink noise under it).
 */
public enum Noise {
    PINK, ENGINE;

    /** {@code n} samples at 16 kHz, the same for the same seed. */
    public double[] make(int n, long seed) {
        return this == PINK ? NoiseMix.pink(n, new Random(seed)) : NoiseMix.engine(n, new Random(seed));
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
