package org.pitbox.voice.engine;

import java.util.Random;

/**
 * Pink and engine-like noise, and mixing noise into speech at a signal-to-noise ratio measured over the speech's
 * active part: what {@code voice-eval} puts its phrases through, and what teaching PitBox a voice puts the readings
 * through, to learn the voice in a noisy car as well as in quiet and to see how it fares there
 * ({@link SphinxEngine#teach}).
 */
public final class NoiseMix {
    private NoiseMix() {
    }

    /** Paul Kellet's economy filter over white noise: -3 dB an octave; {@code n} samples, the same for the same random. */
    public static double[] pink(int n, Random random) {
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

    /**
     * Engine-like noise: a sawtooth whose pitch sweeps 200-460 Hz as revs rise and fall, with its harmonics, a
     * tremolo and pink noise under it; {@code n} samples, the same for the same random.
     */
    public static double[] engine(int n, Random random) {
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
    public static double activePower(short[] s) {
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
}
