package org.pitbox.server.ai;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pitbox.core.coach.Coach;
import org.pitbox.iracing.SessionCoach;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.server.sessions.FileStore;
import org.pitbox.server.sessions.SessionDao;
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
    private final FileStore files;
    private final Live live;
    private final Map<Long, String> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > CACHED;
        }
    };

    public CoachFacts(SessionDao sessions, FileStore files, Live live) {
        this.sessions = sessions;
        this.files = files;
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
        try (IbtFile ibt = IbtFile.open(files.ibt(id))) {
            Coach coach = SessionCoach.of(ibt, 0);
            coach.run(ibt);
            sheet = coach.state().facts().toJson();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("no facts for session {}: {}", id, e.getMessage());
            sheet = EMPTY;
        }
        synchronized (cache) {
            cache.put(id, sheet);
        }
        return sheet;
    }
}
