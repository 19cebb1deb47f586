package org.pitbox.voice.speak;

import java.io.IOException;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The default sound output through {@code javax.sound.sampled}: a {@link SourceDataLine} with a buffer of
 * {@link #BUFFER_MS} ms, flushed when a message is cut off so an urgent call follows at once.
 */
public final class JavaSoundSink implements AudioSink {
    static final AudioFormat FORMAT = new AudioFormat(16_000, 16, 1, true, false);
    static final int BUFFER_MS = 100;
    private SourceDataLine line;

    @Override
    public void open() throws IOException {
        if (line != null) {
            return;
        }
        try {
            SourceDataLine l = AudioSystem.getSourceDataLine(FORMAT);
            l.open(FORMAT, PcmOutput.BYTES_PER_SECOND * BUFFER_MS / 1000);
            l.start();
            line = l;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IOException("No sound output for the voice: this computer has no audio device that plays"
                    + " 16 kHz mono (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void write(byte[] pcm, int offset, int length) throws IOException {
        open();
        line.write(pcm, offset, length);
    }

    @Override
    public void flush() {
        if (line != null) {
            line.flush();
        }
    }

    @Override
    public void drain() {
        if (line != null) {
            line.drain();
        }
    }

    @Override
    public void close() {
        if (line != null) {
            line.close();
            line = null;
        }
    }
}
