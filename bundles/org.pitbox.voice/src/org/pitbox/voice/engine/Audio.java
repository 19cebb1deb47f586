package org.pitbox.voice.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Speech audio as the engines take it: 16 kHz mono signed 16-bit samples, from WAV files of any rate. */
public final class Audio {
    /** Samples per second the engines hear. */
    public static final int RATE = 16_000;
    /** The longest utterance read: push-to-talk commands are seconds long. */
    public static final int MAX_SECONDS = 60;

    private Audio() {
    }

    /** Reads a WAV file (PCM, any rate, mono or stereo) as 16 kHz mono samples. */
    public static short[] readWav(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                AudioInputStream wav = AudioSystem.getAudioInputStream(in)) {
            AudioFormat source = wav.getFormat();
            AudioFormat pcm = new AudioFormat(source.getSampleRate(), 16, source.getChannels(), true, false);
            try (AudioInputStream s = AudioSystem.getAudioInputStream(pcm, wav)) {
                long max = (long) MAX_SECONDS * (long) source.getSampleRate() * source.getChannels() * 2;
                byte[] bytes = s.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
                short[] mono = mono(bytes, source.getChannels());
                return resample(mono, Math.round(source.getSampleRate()), RATE);
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException(file + " is not a PCM WAV file: " + e.getMessage(), e);
        }
    }

    private static short[] mono(byte[] bytes, int channels) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[bytes.length / 2 / channels];
        for (int i = 0; i < out.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += b.getShort();
            }
            out[i] = (short) (sum / channels);
        }
        return out;
    }

    /** Linear interpolation from one rate to another (speech from a TTS or a microphone; no filter needed at 16 kHz and up). */
    public static short[] resample(short[] in, int from, int to) {
        if (from == to || in.length == 0) {
            return in;
        }
        int n = (int) ((long) in.length * to / from);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double at = (double) i * from / to;
            int k = (int) at;
            double frac = at - k;
            int next = Math.min(k + 1, in.length - 1);
            out[i] = (short) Math.round(in[k] * (1 - frac) + in[next] * frac);
        }
        return out;
    }

    /** Little-endian bytes, as the engines read raw PCM. */
    public static byte[] bytes(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** Writes 16 kHz mono samples as a WAV file. */
    public static void writeWav(short[] samples, Path file) throws IOException {
        AudioFormat f = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream s = new AudioInputStream(new java.io.ByteArrayInputStream(bytes(samples)), f,
                samples.length)) {
            AudioSystem.write(s, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
