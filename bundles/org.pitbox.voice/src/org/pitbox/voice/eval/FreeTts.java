package org.pitbox.voice.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.pitbox.voice.speak.LocalVoice;
import org.pitbox.voice.speak.VoiceException;

/** FreeTTS's kevin16 (the product's local voice, in its jar) at a speed in words per minute, for the evaluation. */
public final class FreeTts implements SyntheticVoice, AutoCloseable {
    private final int wordsPerMinute;
    private final LocalVoice voice;

    public FreeTts(int wordsPerMinute) {
        this.wordsPerMinute = wordsPerMinute;
        this.voice = new LocalVoice(wordsPerMinute);
    }

    @Override
    public short[] say(String text) throws IOException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        try {
            voice.speak(text, (bytes, offset, length) -> {
                pcm.write(bytes, offset, length);
                return true;
            });
        } catch (VoiceException e) {
            throw new IOException(e.getMessage(), e);
        }
        byte[] b = pcm.toByteArray();
        short[] samples = new short[b.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((b[2 * i] & 0xff) | b[2 * i + 1] << 8);
        }
        return samples;
    }

    @Override
    public String label() {
        return "FreeTTS kevin16 " + wordsPerMinute + " wpm";
    }

    @Override
    public void close() {
        voice.close();
    }
}
