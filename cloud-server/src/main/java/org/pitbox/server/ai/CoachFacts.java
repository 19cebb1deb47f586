package org.pitbox.server.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pitbox.core.coach.Coach;
import org.pitbox.iracing.SessionCoach;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.PackedFile;
import org.pitbox.server.sessions.SessionDao;
import org.pitbox.server.sessions.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FactSource} of core's race state: a stored session's .ibt read row by row through the coach's
 * {@code RaceState}, whose fact sheet after the last completed lap it gives (kept for the newest
 * {@value #CACHED} sessions: a stored session does not change); a live session's from its watcher. A recording
 * the coach cannot read (no speed or brake channel, no track length) has an empty sheet.
 */
public final class CoachFacts implements FactSource {
    public static final int CACHED = 16;
    static final String EMPTY = "{\"facts\":[]}";
    private static final Logger LOG = LoggerFactory.getLogger(CoachFacts.class);

    /** The fact sheet of a live session on this node, as its watcher has it. */
    @FunctionalInterface
    public interface Live {
        Optional<String> facts(long teamId, String key);
    }

    private final SessionDao sessions;
    private final SessionStore store;
    private final Path work;
    private final Live live;
    private final Map<Long, String> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > CACHED;
        }
    };

    /** Reads stored sessions from {@code store}, unpacking each into a temporary .ibt under {@code work}. */
    public CoachFacts(SessionDao sessions, SessionStore store, Path work, Live live) {
        this.sessions = sessions;
        this.store = store;
        this.work = work;
        this.live = live;
    }

    @Override
    public Optional<String> facts(long teamId, SessionRef session) {
        if (session.live()) {
            return live.facts(teamId, session.liveKey());
        }
        return sessions.find(session.storedId()).filter(s -> s.teamId() == teamId && s.complete())
                .map(s -> stored(s.id()));
    }

    private String stored(long id) {
        synchronized (cache) {
            String kept = cache.get(id);
            if (kept != null) {
                return kept;
            }
        }
        String sheet;
        Path ibtFile = null;
        try {
            ibtFile = Files.createTempFile(work, "facts-" + id + "-", ".ibt");
            try (InputStream in = store.session(id); OutputStream out = Files.newOutputStream(ibtFile)) {
                PackedFile.unpack(in, out, Long.MAX_VALUE);
            }
            try (IbtFile ibt = IbtFile.open(ibtFile)) {
                Coach coach = SessionCoach.of(ibt, 0);
                coach.run(ibt);
                sheet = coach.state().facts().toJson();
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("no facts for session {}: {}", id, e.getMessage());
            sheet = EMPTY;
        } finally {
            deleteQuietly(ibtFile);
        }
        synchronized (cache) {
            cache.put(id, sheet);
        }
        return sheet;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.getMessage());
        }
    }
}
