package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pitbox.core.coach.FactCheck;
import org.pitbox.core.coach.FactSheet;
import org.pitbox.core.coach.Hint;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.server.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hint a driver gets after a lap: the rule coach's finding, said by the agent when one is configured and the
 * team's budget allows (at most {@link Hint#MAX_WORDS} words, every number in the lap's facts), else the rule
 * coach's own words, labelled "rule-based". Each is stored as a {@code coach} insight and sent as a {@code coach}
 * message. Agent calls run on {@value #AGENT_THREADS} threads with {@value #AGENT_QUEUE} waiting at most; beyond
 * that the rule-based hint goes out at once.
 */
final class CoachHints {
    static final int AGENT_THREADS = 2;
    static final int AGENT_QUEUE = 32;
    static final int MAX_TOKENS = 60;
    static final String AI_LABEL = "AI";
    private static final Logger LOG = LoggerFactory.getLogger(CoachHints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GradientClient client;
    private final Prompt prompt;
    private final InsightDao dao;
    private final Budgets budgets;
    private final AiMetrics metrics;
    private final Clock clock;
    private final ThreadPoolExecutor agent = new ThreadPoolExecutor(AGENT_THREADS, AGENT_THREADS, 30,
            TimeUnit.SECONDS, new ArrayBlockingQueue<>(AGENT_QUEUE), Thread.ofPlatform().daemon()
                    .name("pitbox-coach-agent").factory());

    /** {@code client} null: no agent is configured and every hint is rule-based. */
    CoachHints(GradientClient client, Prompt prompt, InsightDao dao, Budgets budgets, AiMetrics metrics, Clock clock) {
        this.client = client;
        this.prompt = prompt;
        this.dao = dao;
        this.budgets = budgets;
        this.metrics = metrics;
        this.clock = clock;
        agent.allowCoreThreadTimeOut(true);
    }

    /** The rule coach's hint after a lap of the live session stored under {@code ref}, with the lap's facts. */
    void lap(long teamId, SessionRef ref, Hint rule, FactSheet sheet, String facts, Consumer<LiveControl> send) {
        long start = System.nanoTime();
        Lap lap = new Lap(teamId, ref, rule, sheet, facts, send, start);
        if (client == null) {
            rule(lap, "no_agent");
        } else if (budgets.tokensSpent(teamId, budgets.of(teamId).tokensPerDay())) {
            rule(lap, "budget");
        } else {
            try {
                agent.execute(() -> fromAgent(lap));
            } catch (RejectedExecutionException e) {
                rule(lap, "busy");
            }
        }
    }

    private record Lap(long teamId, SessionRef ref, Hint rule, FactSheet sheet, String facts, Consumer<LiveControl> send,
            long start) {
    }

    private void fromAgent(Lap lap) {
        try {
            budgets.takeRequest(lap.teamId(), budgets.of(lap.teamId()).requestsPerMinute());
            GradientClient.Completion c = client.stream(List.of(ChatMessage.system(prompt.text()),
                    ChatMessage.user("The fact sheet of the lap just completed (JSON):\n" + lap.facts()),
                    ChatMessage.user("Tell the driver this finding in at most " + Hint.MAX_WORDS
                            + " words, with figures only from the fact sheet and no fact ids: " + lap.rule().text())),
                    MAX_TOKENS, piece -> { });
            String text = FactChecker.CITATION.matcher(c.text()).replaceAll("").replaceAll("\\s+", " ").strip();
            if (text.isEmpty() || text.split(" ").length > Hint.MAX_WORDS || text.length() > LiveControl.MAX_COACH_CHARS
                    || !FactCheck.check(text, lap.sheet()).unmatched().isEmpty()) {
                rule(lap, "unverified");
                return;
            }
            deliver(lap, text, Assistant.AGENT, prompt.version(), c.tokens());
        } catch (AiException e) {
            metrics.error(lap.teamId(), e.kind());
            rule(lap, e.kind() == AiException.Kind.CIRCUIT_OPEN ? "circuit_open" : "agent_failed");
        } catch (ApiException e) {
            rule(lap, "rate_limited");
        } catch (RuntimeException e) {
            LOG.warn("the coach agent failed on live session {}", lap.ref(), e);
        }
    }

    private void rule(Lap lap, String reason) {
        if (!reason.equals("no_agent")) {
            metrics.fallback(lap.teamId(), reason);
        }
        deliver(lap, lap.rule().text(), Assistant.RULE_BASED, Prompt.RULE_BASED, 0);
    }

    private void deliver(Lap lap, String text, String source, String version, int tokens) {
        try {
            FactCheck.Result check = FactCheck.check(text, lap.sheet());
            double seconds = (System.nanoTime() - lap.start()) / 1e9;
            Hint rule = lap.rule();
            long id = dao.insert(new InsightDao.NewInsight(lap.teamId(), lap.ref(), rule.lap(),
                    "coach", null, text, cited(rule, lap.sheet()), check.unmatched().stream()
                            .map(FactCheck.Mention::text).toList(), check.verifiedShare(), source, version,
                    (int) Math.round(seconds * 1000), tokens, lap.facts(), null, clock.instant()));
            metrics.answered(lap.teamId(), source, tokens, seconds);
            lap.send().accept(LiveControl.coach(text, new LiveControl.Coach(rule.lap(), rule.where(),
                    source.equals(Assistant.AGENT) ? AI_LABEL : Assistant.RULE_BASED, id)));
        } catch (RuntimeException e) {
            LOG.warn("a coach hint of live session {} could not be stored or sent", lap.ref(), e);
        }
    }

    /** The facts the rule coach's hint cites, as a JSON array. */
    private static String cited(Hint rule, FactSheet sheet) {
        FactSheet cited = new FactSheet();
        rule.facts().stream().map(sheet::get).filter(f -> f != null).forEach(f -> cited.add(f.id(), f.value(),
                f.unit(), f.lap(), f.sector(), f.corner(), f.channel()));
        try {
            return JSON.readTree(cited.toJson()).get("facts").toString();
        } catch (IOException e) {
            return "[]";
        }
    }
}
