package org.pitbox.server.ai;

import java.time.Clock;
import java.time.Duration;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.server.db.Jdbc;
import org.pitbox.server.metrics.Metrics;
import org.pitbox.server.sessions.SessionDao;
import org.pitbox.server.teams.TeamAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the AI gateway's resource; the fact source and the answer checker are the parts a caller may swap. */
public final class AiWiring {
    /** Failures in a row that open the circuit, and how long it stays open. */
    public static final int BREAKER_THRESHOLD = 5;
    public static final Duration BREAKER_OPEN = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AiWiring.class);

    private AiWiring() {
    }

    public static AiResource resource(AiSettings settings, Jdbc jdbc, SessionDao sessions, FactSource facts,
            AnswerChecker checker, TeamAccess access, Metrics metrics, Clock clock) {
        GradientClient client = null;
        if (settings.configured()) {
            client = new GradientClient(settings, clock, Thread::sleep,
                    new CircuitBreaker(BREAKER_THRESHOLD, BREAKER_OPEN, clock));
            LOG.info("AI answers from GradientAI at {} ({})", settings.baseUrl(),
                    settings.model() == null ? "agent" : "model " + settings.model());
        } else {
            LOG.info("no GradientAI endpoint and key configured: AI answers are rule-based");
        }
        InsightDao dao = new InsightDao(jdbc);
        Budgets budgets = new Budgets(settings, dao, clock);
        Assistant assistant = new Assistant(client, Prompt.load(Prompt.CURRENT), facts, checker, dao, budgets,
                new AiMetrics(metrics), access, clock);
        return new AiResource(assistant, new InsightService(dao, sessions, access, budgets, clock),
                ProtocolJson.mapper());
    }
}
