package org.pitbox.voice.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.pitbox.voice.engine.Audio;

/**
 * A microphone through {@code javax.sound.sampled}: 16 kHz mono 16-bit when the device offers it, else 48 or
 * 44.1 kHz resampled to 16 kHz. The line stays open while the feed runs, so pressing the key loses no syllable.
 */
public final class Microphone implements AudioFeed {
    private static final float[] RATES = {Audio.RATE, 48_000, 44_100};

    private final Mixer.Info mixer;
    private TargetDataLine line;
    private Thread thread;
    private volatile boolean running;

    private Microphone(Mixer.Info mixer) {
        this.mixer = mixer;
    }

    /** The names of the devices that can record, the system default first; empty where there is none. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (canRecord(info)) {
                names.add(info.getName());
            }
        }
        return names;
    }

    /** The named device, or the first one that records when the name is blank or no longer present. */
    public static Microphone open(String name) throws IOException {
        Mixer.Info first = null;
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (canRecord(info)) {
                if (info.getName().equals(name)) {
                    return new Microphone(info);
                }
                first = first == null ? info : first;
            }
        }
        if (first == null) {
            throw new IOException("No microphone found: the sound system lists no device that records."
                    + " Connect one, or use a recording (the demo's --voice-wav option).");
        }
        return new Microphone(first);
    }

    private static boolean canRecord(Mixer.Info info) {
        try {
            Mixer m = AudioSystem.getMixer(info);
            for (float rate : RATES) {
                if (m.isLineSupported(new DataLine.Info(TargetDataLine.class, format(rate)))) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            // a device that cannot even be asked does not record
        }
        return false;
    }

    private static AudioFormat format(float rate) {
        return new AudioFormat(rate, 16, 1, true, false);
    }

    @Override
    public String name() {
        return mixer.getName();
    }

    @Override
    public synchronized void start(Consumer<short[]> chunks) throws IOException {
        stop();
        Mixer m = AudioSystem.getMixer(mixer);
        for (float rate : RATES) {
            AudioFormat f = format(rate);
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, f);
            if (m.isLineSupported(info)) {
                try {
                    line = (TargetDataLine) m.getLine(info);
                    line.open(f);
                    line.start();
                    running = true;
                    int rateHz = Math.round(rate);
                    thread = new Thread(() -> read(line, rateHz, chunks), "pitbox-microphone");
                    thread.setDaemon(true);
                    thread.start();
                    return;
                } catch (LineUnavailableException | IllegalArgumentException e) {
                    throw new IOException("The microphone " + name() + " is busy or unavailable: " + e.getMessage(), e);
                }
            }
        }
        throw new IOException("The microphone " + name() + " records no 16-bit mono format PitBox can use");
    }

    private void read(TargetDataLine in, int rate, Consumer<short[]> chunks) {
        int frames = CHUNK * rate / Audio.RATE;
        byte[] bytes = new byte[frames * 2];
        while (running) {
            int n = in.read(bytes, 0, bytes.length);
            if (n <= 0) {
                continue;
            }
            short[] samples = new short[n / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
            }
            chunks.accept(Audio.resample(samples, rate, Audio.RATE));
        }
    }

    @Override
    public void stop() {
        Thread t;
        TargetDataLine l;
        synchronized (this) {
            running = false;
            t = thread;
            l = line;
            thread = null;
            line = null;
        }
        if (l != null) {
            l.stop();
            l.close();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
