package org.pitbox.app.live;

import java.util.Locale;
import org.pitbox.protocol.live.LiveControl;

/** The driver's radio as sound: 16 kHz mono samples and the words heard ({@code text} empty when none). */
public record RadioClip(String fromName, String text, short[] samples) {
    public RadioClip {
        text = text == null ? "" : text;
    }

    public double seconds() {
        return samples.length / (double) LiveControl.CLIP_RATE;
    }

    /** The samples as 16-bit little-endian PCM bytes. */
    public byte[] pcm() {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return pcm;
    }

    /** How the radio list shows it, e.g. "Dana: (clip 3.2 s) box this lap". */
    public String label() {
        return fromName + ": (clip " + String.format(Locale.ROOT, "%.1f", seconds()) + " s)"
                + (text.isBlank() ? "" : " " + text);
    }
}
