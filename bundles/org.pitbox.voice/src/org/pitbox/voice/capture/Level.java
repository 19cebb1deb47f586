package org.pitbox.voice.capture;

/** The loudness of a chunk for the level meter: RMS in dB of full scale, -90 for silence. */
public final class Level {
    public static final double SILENCE_DB = -90;

    private Level() {
    }

    public static double dbfs(short[] chunk) {
        if (chunk.length == 0) {
            return SILENCE_DB;
        }
        double sum = 0;
        for (short s : chunk) {
            sum += (double) s * s;
        }
        double rms = Math.sqrt(sum / chunk.length) / 32768.0;
        return rms <= 0 ? SILENCE_DB : Math.max(SILENCE_DB, 20 * Math.log10(rms));
    }

    /** The meter's fill from 0 to 1: -60 dBFS and below is empty, 0 dBFS full. */
    public static double fill(double dbfs) {
        return Math.max(0, Math.min(1, (dbfs + 60) / 60));
    }
}
