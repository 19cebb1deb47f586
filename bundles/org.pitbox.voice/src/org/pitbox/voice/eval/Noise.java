package org.pitbox.voice.eval;

import java.util.Random;

import org.pitbox.voice.engine.Audio;

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

    /** Paul Kellet's economy filter over white noise: -3 dB an octave. */
    private static double[] pink(int n, Random random) {
        double[] out = new double[n];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < n; i++) {
            double white = random.nextGaussian();
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            out[i] = b0 + b1 + b2 + white * 0.1848;
        }
        return out;
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
        double speechPower = activePower(speech);
        double noisePower = 0;
        for (int i = 0; i < speech.length; i++) {
            noisePower += noise[i] * noise[i];
        }
        noisePower /= Math.max(1, speech.length);
        double gain = Math.sqrt(speechPower / Math.max(1e-12, noisePower) / Math.pow(10, snrDb / 10));
        short[] out = new short[speech.length];
        for (int i = 0; i < speech.length; i++) {
            double v = speech[i] + gain * noise[i];
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
        return out;
    }

    /** Mean power of the 20 ms frames within 30 dB of the loudest: the speech, not the pauses. */
    static double activePower(short[] s) {
        int frame = Audio.RATE / 50;
        int frames = s.length / frame;
        double[] power = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sum += (double) s[i] * s[i];
            }
            power[f] = sum / frame;
            max = Math.max(max, power[f]);
        }
        double total = 0;
        int active = 0;
        for (double p : power) {
            if (p >= max / 1000) {
                total += p;
                active++;
            }
        }
        return active == 0 ? 0 : total / active;
    }

    /** {@code seconds} of silence before and after: the push-to-talk key is pressed before speaking and released after. */
    public static short[] pad(short[] speech, double seconds) {
        int pad = (int) (seconds * Audio.RATE);
        short[] out = new short[speech.length + 2 * pad];
        System.arraycopy(speech, 0, out, pad, speech.length);
        return out;
    }
}
