package org.pitbox.server.ai;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.server.db.Jdbc;
import org.pitbox.server.metrics.Metrics;
import org.pitbox.server.sessions.SessionDao;
import org.pitbox.server.sessions.SessionStore;
import org.pitbox.server.teams.Role;
import org.pitbox.server.teams.TeamAccess;
import org.pitbox.server.teams.TeamDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the AI gateway: its resource, and the coach of every live session ({@link #coaches()}, for the live relay),
 * both on core's race state, fact sheet and fact check, sharing one agent client, budget and metrics.
 */
public record AiWiring(AiResource resource, LiveCoaches coaches, InsightDao insights) {
    /** Failures in a row that open the circuit, and how long it stays open. */
    public static final int BREAKER_THRESHOLD = 5;
    public static final Duration BREAKER_OPEN = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AiWiring.class);

    public static AiWiring create(AiSettings settings, Jdbc jdbc, SessionDao sessions, SessionStore store, Path work,
            TeamDao teams, TeamAccess access, Metrics metrics, Clock clock) {
        GradientClient client = null;
        if (settings.configured()) {
            client = new GradientClient(settings, clock, Thread::sleep,
                    new CircuitBreaker(BREAKER_THRESHOLD, BREAKER_OPEN, clock));
            LOG.info("AI answers from GradientAI at {} ({}, tools {})", settings.baseUrl(),
                    settings.model() == null ? "agent" : "model " + settings.model(), settings.tools() ? "on" : "off");
        } else {
            LOG.info("no GradientAI endpoint and key configured: AI answers are rule-based");
        }
        InsightDao dao = new InsightDao(jdbc);
        Budgets budgets = new Budgets(settings, dao, clock);
        AiMetrics aiMetrics = new AiMetrics(metrics);
        Prompt prompt = Prompt.load(Prompt.CURRENT);
        LiveCoaches coaches = new LiveCoaches(new CoachHints(client, prompt, dao, budgets, aiMetrics, clock));
        Assistant assistant = new Assistant(client, prompt, new CoachFacts(sessions, store, work, coaches),
                (team, driving) -> drivers(teams, team, driving), new FactChecker(), dao, budgets, aiMetrics, access,
                clock);
        return new AiWiring(new AiResource(assistant, new InsightService(dao, sessions, access, budgets, clock),
                ProtocolJson.mapper()), coaches, dao);
    }

    /** The team's owners and drivers by name, the one driving first. */
    static List<String> drivers(TeamDao teams, long teamId, Long driving) {
        List<String> names = new ArrayList<>();
        for (TeamDao.MemberRow m : teams.members(teamId)) {
            if (m.role() == Role.OWNER || m.role() == Role.DRIVER) {
                names.add(Long.valueOf(m.userId()).equals(driving) ? 0 : names.size(), m.displayName());
            }
        }
        return names;
    }

    /**
     * Live session {@code key} was stored as session {@code id}: its coach hints and chat go with that session,
     * and so do hints its coach still gives.
     */
    public void liveStored(long teamId, String key, long id) {
        coaches.stored(teamId, key, id);
        insights.moveLive(teamId, key, id);
    }
}
