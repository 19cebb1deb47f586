package org.pitbox.app.voice;

import java.io.ByteArrayOutputStream;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.team.MemorySettings;
import org.pitbox.app.team.MemoryStore;
import org.pitbox.app.team.TeamSession;
import org.pitbox.voice.speak.AudioSink;

/** What the voice tests share: a team session never signed in, a sink that records. */
final class VoiceFixtures {
    private VoiceFixtures() {
    }

    /** Keeps what is played. */
    static final class Sink implements AudioSink {
        final ByteArrayOutputStream pcm = new ByteArrayOutputStream();

        @Override
        public void open() {
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            pcm.write(bytes, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void drain() {
        }

        @Override
        public void close() {
        }
    }

    static TeamSession team(ActiveFeed feed) {
        return new TeamSession(feed, new MemoryStore(), new MemorySettings());
    }
}
