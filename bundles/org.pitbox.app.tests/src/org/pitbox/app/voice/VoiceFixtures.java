package org.pitbox.app.voice;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.team.SignInStore;
import org.pitbox.app.team.TeamSession;
import org.pitbox.app.team.TeamSettings;
import org.pitbox.voice.speak.AudioSink;

/** What the voice tests share: settings in memory, a team session never signed in, a sink that records. */
final class VoiceFixtures {
    private VoiceFixtures() {
    }

    static final class MemorySettings implements TeamSettings {
        private final Map<String, String> values = new HashMap<>();

        @Override
        public synchronized String get(String key, String defaultValue) {
            return values.getOrDefault(key, defaultValue);
        }

        @Override
        public synchronized void put(String key, String value) {
            values.put(key, value);
        }
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
        return new TeamSession(feed, new SignInStore() {
            @Override
            public Optional<SignIn> load() {
                return Optional.empty();
            }

            @Override
            public void save(SignIn signIn) {
            }

            @Override
            public void clear() {
            }
        }, new MemorySettings());
    }
}
