package org.pitbox.server.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.pitbox.core.coach.Coach;
import org.pitbox.core.coach.FactSheet;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.SessionCoach;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.PackedFile;
import org.pitbox.server.sessions.SessionDao;
import org.pitbox.server.sessions.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FactSource} of core's race state: a stored session's .ibt read row by row through the coach's
 * {@code RaceState}, whose fact sheet after the last completed lap and each lap's own facts it gives (kept for the
 * newest {@value #CACHED} sessions: a stored session does not change); a live session's from its watcher. A
 * recording the coach cannot read (no speed or brake channel, no track length) has an empty sheet.
 */
public final class CoachFacts implements FactSource {
    public static final int CACHED = 16;
    private static final Logger LOG = LoggerFactory.getLogger(CoachFacts.class);

    /** The facts of a live session on this node, as its watcher has them. */
    @FunctionalInterface
    public interface Live {
        Optional<SessionFacts> facts(long teamId, String key);
    }

    private final SessionDao sessions;
    private final SessionStore store;
    private final Path work;
    private final Live live;
    private final Map<Long, SessionFacts> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SessionFacts> eldest) {
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
    public Optional<SessionFacts> facts(long teamId, SessionRef session) {
        if (session.live()) {
            return live.facts(teamId, session.liveKey());
        }
        return sessions.find(session.storedId()).filter(s -> s.teamId() == teamId && s.complete())
                .map(s -> stored(s.id(), s.uploaderId()));
    }

    private SessionFacts stored(long id, long driver) {
        synchronized (cache) {
            SessionFacts kept = cache.get(id);
            if (kept != null) {
                return kept;
            }
        }
        SessionFacts facts;
        Path ibtFile = null;
        try {
            ibtFile = Files.createTempFile(work, "facts-" + id + "-", ".ibt");
            try (InputStream in = store.session(id); OutputStream out = Files.newOutputStream(ibtFile)) {
                PackedFile.unpack(in, out, Long.MAX_VALUE);
            }
            try (IbtFile ibt = IbtFile.open(ibtFile)) {
                facts = read(ibt, driver);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("no facts for session {}: {}", id, e.getMessage());
            facts = SessionFacts.NONE;
        } finally {
            deleteQuietly(ibtFile);
        }
        synchronized (cache) {
            cache.put(id, facts);
        }
        return facts;
    }

    /** Every row through the coach, keeping each lap's own facts. */
    private static SessionFacts read(IbtFile ibt, long driver) {
        Coach coach = SessionCoach.of(ibt, 0);
        NavigableMap<Integer, FactSheet> laps = new TreeMap<>();
        Frame frame = new Frame(ibt.layout());
        int length = ibt.layout().rowLength();
        for (int i = 0, n = ibt.recordCount(); i < n; i++) {
            frame.row().put(0, ibt.rows(), ibt.rowStart(i), length);
            frame.setTick(i);
            coach.update(frame);
            if (coach.lapEnded()) {
                SessionFacts.keepLap(laps, coach.state().facts(), coach.state().lastLap().number());
            }
        }
        return new SessionFacts(coach.state().facts(), laps, driver);
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
