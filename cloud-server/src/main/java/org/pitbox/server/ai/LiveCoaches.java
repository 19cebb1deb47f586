package org.pitbox.server.ai;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.pitbox.core.coach.Coach;
import org.pitbox.iracing.SessionCoach;
import org.pitbox.iracing.sessioninfo.SessionInfo;
import org.pitbox.iracing.sessioninfo.SessionInfoParser;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.server.live.SessionWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coach of every live session on this node (at most {@value #MAX_SESSIONS}): one {@link LiveCoach} per
 * session, from its open to its end, and the fact sheet of each for the assistant.
 */
public final class LiveCoaches implements SessionWatch.Factory, CoachFacts.Live {
    public static final int MAX_SESSIONS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(LiveCoaches.class);

    private final CoachHints hints;
    private final Map<String, LiveCoach> coaches = new HashMap<>();

    LiveCoaches(CoachHints hints) {
        this.hints = hints;
    }

    @Override
    public synchronized SessionWatch open(SessionWatch.Session session, Consumer<LiveControl> send) {
        if (coaches.size() >= MAX_SESSIONS) {
            LOG.warn("{} live sessions are coached already: live session {} is not", MAX_SESSIONS, session.key());
            return null;
        }
        Coach coach;
        try {
            SessionInfo info = SessionInfoParser.parse(session.sessionInfo());
            coach = SessionCoach.of(session.layout(), info, info.currentSessionNum(), session.rate(), 0);
        } catch (RuntimeException e) {
            LOG.info("live session {} of team {} is not coached: {}", session.key(), session.teamId(), e.getMessage());
            return null;
        }
        String k = key(session.teamId(), session.key());
        LiveCoach c = new LiveCoach(session, coach, hints, send, () -> ended(k));
        coaches.put(k, c);
        return c;
    }

    private synchronized void ended(String k) {
        coaches.remove(k);
    }

    @Override
    public synchronized Optional<SessionFacts> facts(long teamId, String key) {
        LiveCoach c = coaches.get(key(teamId, key));
        return c == null ? Optional.empty() : Optional.of(c.facts());
    }

    /** The live session's recording was stored as session {@code id}: its coach, if still on, stores there. */
    synchronized void stored(long teamId, String key, long id) {
        LiveCoach c = coaches.get(key(teamId, key));
        if (c != null) {
            c.stored(id);
        }
    }

    private static String key(long teamId, String key) {
        return teamId + "/" + key;
    }
}
