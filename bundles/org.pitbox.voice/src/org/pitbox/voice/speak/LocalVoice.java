package org.pitbox.voice.speak;

import javax.sound.sampled.AudioFormat;

import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;

/**
 * The voice that needs no network and no key: FreeTTS's "kevin16" (16 kHz, built into its jar), allocated once on
 * first use (about a second) and kept. Robotic, but every word is clear. FreeTTS makes a sentence at a time and
 * hands it to {@link Player}, which passes it on as little-endian PCM.
 */
public final class LocalVoice implements Voice, AutoCloseable {
    private com.sun.speech.freetts.Voice voice;
    private final Player player = new Player();
    private final float wordsPerMinute;

    /** kevin16 at its own speed, 150 words per minute. */
    public LocalVoice() {
        this(150);
    }

    public LocalVoice(float wordsPerMinute) {
        this.wordsPerMinute = wordsPerMinute;
    }

    @Override
    public String name() {
        return "Local voice (FreeTTS)";
    }

    /** Loads the voice now rather than at the first message (about a second); once. */
    public synchronized void load() throws VoiceException {
        if (voice == null) {
            voice = allocate();
        }
    }

    @Override
    public synchronized void speak(String text, PcmOutput out) throws VoiceException {
        load();
        player.start(out);
        try {
            voice.speak(text);
        } catch (RuntimeException e) {
            throw new VoiceException("The local voice failed on '" + text + "': " + e, e);
        } finally {
            player.start(null);
        }
        if (player.problem != null) {
            throw new VoiceException(player.problem);
        }
    }

    /** Loads kevin16 from FreeTTS's jar (no {@code VoiceManager}, so no system property and no class path scan). */
    private com.sun.speech.freetts.Voice allocate() throws VoiceException {
        for (com.sun.speech.freetts.Voice v : new KevinVoiceDirectory().getVoices()) {
            if (v.getName().equals("kevin16")) {
                v.setAudioPlayer(player);
                v.setRate(wordsPerMinute);
                try {
                    v.allocate();
                } catch (RuntimeException e) {
                    throw new VoiceException("The local voice (FreeTTS kevin16) did not load: " + e, e);
                }
                return v;
            }
        }
        throw new VoiceException("FreeTTS has no kevin16 voice");
    }

    @Override
    public synchronized void close() {
        if (voice != null) {
            voice.deallocate();
            voice = null;
        }
    }

    /** FreeTTS's audio player, writing to the current {@link PcmOutput} until it asks to stop. */
    private static final class Player implements AudioPlayer {
        private volatile PcmOutput out;
        private volatile boolean stopped;
        private volatile String problem;
        private AudioFormat format = new AudioFormat(16_000, 16, 1, true, true);
        private byte[] swapped = new byte[0];

        void start(PcmOutput next) {
            out = next;
            stopped = false;
            problem = null;
        }

        @Override
        public void setAudioFormat(AudioFormat f) {
            format = f;
            if (f.getSampleRate() != 16_000 || f.getSampleSizeInBits() != 16 || f.getChannels() != 1) {
                problem = "The local voice speaks " + f + ", not 16 kHz mono 16-bit";
            }
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public boolean write(byte[] audio) {
            return write(audio, 0, audio.length);
        }

        @Override
        public boolean write(byte[] audio, int offset, int length) {
            PcmOutput o = out;
            if (stopped || o == null || problem != null) {
                return false;
            }
            byte[] pcm = audio;
            int from = offset;
            if (format.isBigEndian()) {
                if (swapped.length < length) {
                    swapped = new byte[length];
                }
                for (int i = 0; i + 1 < length; i += 2) {
                    swapped[i] = audio[offset + i + 1];
                    swapped[i + 1] = audio[offset + i];
                }
                pcm = swapped;
                from = 0;
            }
            if (!o.write(pcm, from, length & ~1)) {
                stopped = true;
            }
            return !stopped;
        }

        @Override
        public void begin(int size) {
        }

        @Override
        public boolean end() {
            return !stopped;
        }

        @Override
        public boolean drain() {
            return !stopped;
        }

        @Override
        public void cancel() {
            stopped = true;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void reset() {
        }

        @Override
        public void close() {
        }

        @Override
        public float getVolume() {
            return 1;
        }

        @Override
        public void setVolume(float volume) {
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {
        }

        @Override
        public void startFirstSampleTimer() {
        }

        @Override
        public void showMetrics() {
        }
    }
}
